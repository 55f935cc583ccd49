// @generated from spec/rc-platform.yml by crates/rc-spec/tests/operation_table.rs:
// do not edit; regenerate with `RC_SPEC_REGENERATE=1 cargo test -p rc-spec --test operation_table`.

use http::Method;

use super::{Operation, ThrottleGroup};

/// `GET /.well-known/openid-configuration`: OIDC Provider Configuration
pub static READ_OPEN_ID_CONFIGURATION: Operation = Operation {
    id: "readOpenIdConfiguration",
    method: Method::GET,
    path: "/.well-known/openid-configuration",
    group: ThrottleGroup::NoThrottling,
    resource: "openid-configuration",
    scope: "openid_configuration",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /ai/audio/v1/async/speaker-diarize`: Speaker Diarization
pub static CAI_SPEAKER_DIARIZE: Operation = Operation {
    id: "caiSpeakerDiarize",
    method: Method::POST,
    path: "/ai/audio/v1/async/speaker-diarize",
    group: ThrottleGroup::Heavy,
    resource: "audio",
    scope: "audio",
    permission: Some("AI"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: true,
};

/// `POST /ai/audio/v1/async/speech-to-text`: Speech to Text Conversion
pub static CAI_SPEECH_TO_TEXT: Operation = Operation {
    id: "caiSpeechToText",
    method: Method::POST,
    path: "/ai/audio/v1/async/speech-to-text",
    group: ThrottleGroup::Heavy,
    resource: "audio",
    scope: "audio",
    permission: Some("AI"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: true,
};

/// `POST /ai/insights/v1/async/analyze-interaction`: Interaction Analytics
pub static CAI_ANALYZE_INTERACTION: Operation = Operation {
    id: "caiAnalyzeInteraction",
    method: Method::POST,
    path: "/ai/insights/v1/async/analyze-interaction",
    group: ThrottleGroup::Heavy,
    resource: "insights",
    scope: "insights",
    permission: Some("AI"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: true,
};

/// `GET /ai/ringsense/v1/public/accounts/{accountId}/domains/{domain}/records/{sourceRecordId}/insights`: Get Recording Insights
pub static GET_RECORDING_INSIGHTS: Operation = Operation {
    id: "getRecordingInsights",
    method: Method::GET,
    path: "/ai/ringsense/v1/public/accounts/{accountId}/domains/{domain}/records/{sourceRecordId}/insights",
    group: ThrottleGroup::Light,
    resource: "ringsense",
    scope: "ringsense",
    permission: Some("RingSense"),
    user_permission: None,
    request_media: &[],
    max_body: Some(10485760),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /ai/ringsense/v1/public/accounts/{accountId}/domains/{domain}/sessions/{sourceSessionId}/insights`: Get Session Insights
pub static GET_SESSION_INSIGHTS: Operation = Operation {
    id: "getSessionInsights",
    method: Method::GET,
    path: "/ai/ringsense/v1/public/accounts/{accountId}/domains/{domain}/sessions/{sourceSessionId}/insights",
    group: ThrottleGroup::Light,
    resource: "ringsense",
    scope: "ringsense",
    permission: Some("RingSense"),
    user_permission: None,
    request_media: &[],
    max_body: Some(10485760),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /ai/status/v1/jobs/{jobId}`: Get Async Task Status
pub static CAI_JOB_STATUS_GET: Operation = Operation {
    id: "caiJobStatusGet",
    method: Method::GET,
    path: "/ai/status/v1/jobs/{jobId}",
    group: ThrottleGroup::Heavy,
    resource: "status",
    scope: "status",
    permission: Some("AI"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: true,
};

/// `POST /ai/text/v1/async/punctuate`: Smart Punctuation
pub static CAI_PUNCTUATE: Operation = Operation {
    id: "caiPunctuate",
    method: Method::POST,
    path: "/ai/text/v1/async/punctuate",
    group: ThrottleGroup::Heavy,
    resource: "text",
    scope: "text",
    permission: Some("AI"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: true,
};

/// `POST /ai/text/v1/async/summarize`: Conversational Summarization
pub static CAI_SUMMARIZE: Operation = Operation {
    id: "caiSummarize",
    method: Method::POST,
    path: "/ai/text/v1/async/summarize",
    group: ThrottleGroup::Heavy,
    resource: "text",
    scope: "text",
    permission: Some("AI"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: true,
};

/// `POST /analytics/calls/v1/accounts/{accountId}/aggregation/fetch`: Calls Aggregation Data
pub static ANALYTICS_CALLS_AGGREGATION_FETCH: Operation = Operation {
    id: "analyticsCallsAggregationFetch",
    method: Method::POST,
    path: "/analytics/calls/v1/accounts/{accountId}/aggregation/fetch",
    group: ThrottleGroup::Light,
    resource: "calls",
    scope: "calls",
    permission: Some("Analytics"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /analytics/calls/v1/accounts/{accountId}/timeline/fetch`: Calls Timeline Data
pub static ANALYTICS_CALLS_TIMELINE_FETCH: Operation = Operation {
    id: "analyticsCallsTimelineFetch",
    method: Method::POST,
    path: "/analytics/calls/v1/accounts/{accountId}/timeline/fetch",
    group: ThrottleGroup::Light,
    resource: "calls",
    scope: "calls",
    permission: Some("Analytics"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /rcvideo/v1/account/{accountId}/extension/{extensionId}/recordings`: List User Recordings
pub static GET_EXTENSION_RECORDINGS: Operation = Operation {
    id: "getExtensionRecordings",
    method: Method::GET,
    path: "/rcvideo/v1/account/{accountId}/extension/{extensionId}/recordings",
    group: ThrottleGroup::Light,
    resource: "recordings",
    scope: "recordings",
    permission: Some("Video"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /rcvideo/v1/account/{accountId}/recordings`: List Account Recordings
pub static GET_ACCOUNT_RECORDINGS: Operation = Operation {
    id: "getAccountRecordings",
    method: Method::GET,
    path: "/rcvideo/v1/account/{accountId}/recordings",
    group: ThrottleGroup::Light,
    resource: "recordings",
    scope: "recordings",
    permission: Some("Video"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /rcvideo/v1/accounts/{accountId}/extensions/{extensionId}/delegators`: List Delegators
pub static RCV_LIST_DELEGATORS: Operation = Operation {
    id: "rcvListDelegators",
    method: Method::GET,
    path: "/rcvideo/v1/accounts/{accountId}/extensions/{extensionId}/delegators",
    group: ThrottleGroup::Medium,
    resource: "delegators",
    scope: "delegators",
    permission: Some("Video"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /rcvideo/v1/history/account/{accountId}/meetings`: List Account Video Meetings
pub static LIST_ACCOUNT_MEETINGS: Operation = Operation {
    id: "listAccountMeetings",
    method: Method::GET,
    path: "/rcvideo/v1/history/account/{accountId}/meetings",
    group: ThrottleGroup::Light,
    resource: "history",
    scope: "history",
    permission: Some("Video"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /rcvideo/v1/history/meetings`: List Video Meetings
pub static LIST_VIDEO_MEETINGS: Operation = Operation {
    id: "listVideoMeetings",
    method: Method::GET,
    path: "/rcvideo/v1/history/meetings",
    group: ThrottleGroup::Light,
    resource: "history",
    scope: "history",
    permission: Some("Video"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /rcvideo/v1/history/meetings/{meetingId}`: Get Video Meeting
pub static GET_VIDEO_MEETING: Operation = Operation {
    id: "getVideoMeeting",
    method: Method::GET,
    path: "/rcvideo/v1/history/meetings/{meetingId}",
    group: ThrottleGroup::Light,
    resource: "history",
    scope: "history",
    permission: Some("Video"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /rcvideo/v2/account/{accountId}/extension/{extensionId}/bridges`: Create Bridge
pub static CREATE_BRIDGE: Operation = Operation {
    id: "createBridge",
    method: Method::POST,
    path: "/rcvideo/v2/account/{accountId}/extension/{extensionId}/bridges",
    group: ThrottleGroup::Heavy,
    resource: "bridges",
    scope: "bridges",
    permission: Some("Video"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /rcvideo/v2/account/{accountId}/extension/{extensionId}/bridges/default`: Get User's Default Bridge
pub static GET_DEFAULT_BRIDGE: Operation = Operation {
    id: "getDefaultBridge",
    method: Method::GET,
    path: "/rcvideo/v2/account/{accountId}/extension/{extensionId}/bridges/default",
    group: ThrottleGroup::Medium,
    resource: "bridges",
    scope: "bridges",
    permission: Some("Video"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /rcvideo/v2/bridges/pin/pstn/{pin}`: Find Bridge by PSTN PIN
pub static GET_BRIDGE_BY_PSTN_PIN: Operation = Operation {
    id: "getBridgeByPstnPin",
    method: Method::GET,
    path: "/rcvideo/v2/bridges/pin/pstn/{pin}",
    group: ThrottleGroup::Medium,
    resource: "bridges",
    scope: "bridges",
    permission: Some("Video"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /rcvideo/v2/bridges/pin/web/{pin}`: Find Bridge by Web PIN
pub static GET_BRIDGE_BY_WEB_PIN: Operation = Operation {
    id: "getBridgeByWebPin",
    method: Method::GET,
    path: "/rcvideo/v2/bridges/pin/web/{pin}",
    group: ThrottleGroup::Medium,
    resource: "bridges",
    scope: "bridges",
    permission: Some("Video"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /rcvideo/v2/bridges/{bridgeId}`: Get Bridge
pub static GET_BRIDGE: Operation = Operation {
    id: "getBridge",
    method: Method::GET,
    path: "/rcvideo/v2/bridges/{bridgeId}",
    group: ThrottleGroup::Medium,
    resource: "bridges",
    scope: "bridges",
    permission: Some("Video"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /rcvideo/v2/bridges/{bridgeId}`: Update Bridge
pub static UPDATE_BRIDGE: Operation = Operation {
    id: "updateBridge",
    method: Method::PATCH,
    path: "/rcvideo/v2/bridges/{bridgeId}",
    group: ThrottleGroup::Medium,
    resource: "bridges",
    scope: "bridges",
    permission: Some("Video"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /rcvideo/v2/bridges/{bridgeId}`: Delete Bridge
pub static DELETE_BRIDGE: Operation = Operation {
    id: "deleteBridge",
    method: Method::DELETE,
    path: "/rcvideo/v2/bridges/{bridgeId}",
    group: ThrottleGroup::Medium,
    resource: "bridges",
    scope: "bridges",
    permission: Some("Video"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi`: Get API Versions
pub static READ_API_VERSIONS: Operation = Operation {
    id: "readAPIVersions",
    method: Method::GET,
    path: "/restapi",
    group: ThrottleGroup::NoThrottling,
    resource: "",
    scope: "",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/oauth/authorize`: OAuth Authorization
pub static AUTHORIZE: Operation = Operation {
    id: "authorize",
    method: Method::GET,
    path: "/restapi/oauth/authorize",
    group: ThrottleGroup::Auth,
    resource: "oauth",
    scope: "oauth",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/oauth/authorize`: OAuth Authorization (POST)
pub static AUTHORIZE_2: Operation = Operation {
    id: "authorize2",
    method: Method::POST,
    path: "/restapi/oauth/authorize",
    group: ThrottleGroup::Auth,
    resource: "oauth",
    scope: "oauth",
    permission: None,
    user_permission: None,
    request_media: &["application/x-www-form-urlencoded"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/oauth/jwks`: JSON Web Key Set (JWKS)
pub static AUTH_JWKS: Operation = Operation {
    id: "authJwks",
    method: Method::GET,
    path: "/restapi/oauth/jwks",
    group: ThrottleGroup::NoThrottling,
    resource: "oauth",
    scope: "oauth",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/oauth/revoke`: OAuth Revoke
pub static REVOKE_TOKEN: Operation = Operation {
    id: "revokeToken",
    method: Method::POST,
    path: "/restapi/oauth/revoke",
    group: ThrottleGroup::Auth,
    resource: "oauth",
    scope: "oauth",
    permission: None,
    user_permission: None,
    request_media: &["application/x-www-form-urlencoded"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/oauth/token`: OAuth Token
pub static GET_TOKEN: Operation = Operation {
    id: "getToken",
    method: Method::POST,
    path: "/restapi/oauth/token",
    group: ThrottleGroup::Auth,
    resource: "oauth",
    scope: "oauth",
    permission: None,
    user_permission: None,
    request_media: &["application/x-www-form-urlencoded"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/oauth/userinfo`: OIDC User Info
pub static AUTH_USER_INFO: Operation = Operation {
    id: "authUserInfo",
    method: Method::GET,
    path: "/restapi/oauth/userinfo",
    group: ThrottleGroup::Auth,
    resource: "oauth",
    scope: "oauth",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/oauth/wstoken`: WebSocket Token
pub static AUTH_WS_TOKEN: Operation = Operation {
    id: "authWsToken",
    method: Method::POST,
    path: "/restapi/oauth/wstoken",
    group: ThrottleGroup::Auth,
    resource: "oauth",
    scope: "oauth",
    permission: Some("WebSocket"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}`: Get Account Info
pub static READ_ACCOUNT_INFO: Operation = Operation {
    id: "readAccountInfo",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}",
    group: ThrottleGroup::Light,
    resource: "account",
    scope: "account",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyInfo"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/a2p-sms/batches`: List A2P SMS Batches
pub static LIST_A2_P_BATCHES: Operation = Operation {
    id: "listA2PBatches",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/a2p-sms/batches",
    group: ThrottleGroup::Light,
    resource: "a2p-sms",
    scope: "a2p_sms",
    permission: Some("A2PSMS"),
    user_permission: None,
    request_media: &[],
    max_body: Some(52428800),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/a2p-sms/batches`: Send A2P SMS
pub static CREATE_A2_PSMS: Operation = Operation {
    id: "createA2PSMS",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/a2p-sms/batches",
    group: ThrottleGroup::Light,
    resource: "a2p-sms",
    scope: "a2p_sms",
    permission: Some("A2PSMS"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: Some(52428800),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/a2p-sms/batches/{batchId}`: Get A2P SMS Batch
pub static READ_A2_P_BATCH: Operation = Operation {
    id: "readA2PBatch",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/a2p-sms/batches/{batchId}",
    group: ThrottleGroup::Light,
    resource: "a2p-sms",
    scope: "a2p_sms",
    permission: Some("A2PSMS"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/a2p-sms/messages`: List A2P SMS Messages
pub static LIST_A2_PSMS: Operation = Operation {
    id: "listA2PSMS",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/a2p-sms/messages",
    group: ThrottleGroup::Light,
    resource: "a2p-sms",
    scope: "a2p_sms",
    permission: Some("A2PSMS"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/a2p-sms/messages/{messageId}`: Get A2P SMS
pub static READ_A2_PSMS: Operation = Operation {
    id: "readA2PSMS",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/a2p-sms/messages/{messageId}",
    group: ThrottleGroup::Light,
    resource: "a2p-sms",
    scope: "a2p_sms",
    permission: Some("A2PSMS"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/a2p-sms/opt-outs`: List Opted-out Numbers
pub static READ_A2_PSMS_OPT_OUTS: Operation = Operation {
    id: "readA2PSMSOptOuts",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/a2p-sms/opt-outs",
    group: ThrottleGroup::Light,
    resource: "a2p-sms",
    scope: "a2p_sms",
    permission: Some("A2PSMS"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: true,
};

/// `POST /restapi/v1.0/account/{accountId}/a2p-sms/opt-outs/bulk-assign`: Add SMS Opt-In/Opt-Out Numbers
pub static ADD_A2_PSMS_OPT_OUTS: Operation = Operation {
    id: "addA2PSMSOptOuts",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/a2p-sms/opt-outs/bulk-assign",
    group: ThrottleGroup::Light,
    resource: "a2p-sms",
    scope: "a2p_sms",
    permission: Some("A2PSMS"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: true,
};

/// `GET /restapi/v1.0/account/{accountId}/a2p-sms/statuses`: List A2P SMS Statuses
pub static AGGREGATE_A2_PSMS_STATUSES: Operation = Operation {
    id: "aggregateA2PSMSStatuses",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/a2p-sms/statuses",
    group: ThrottleGroup::Light,
    resource: "a2p-sms",
    scope: "a2p_sms",
    permission: Some("A2PSMS"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/active-calls`: List Company Active Calls
pub static LIST_COMPANY_ACTIVE_CALLS: Operation = Operation {
    id: "listCompanyActiveCalls",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/active-calls",
    group: ThrottleGroup::Heavy,
    resource: "active-calls",
    scope: "active_calls",
    permission: Some("ReadCallLog"),
    user_permission: Some("ReadCallLog"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/address-book-bulk-upload`: Upload Multiple User Contacts
pub static ADDRESS_BOOK_BULK_UPLOAD: Operation = Operation {
    id: "addressBookBulkUpload",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/address-book-bulk-upload",
    group: ThrottleGroup::Heavy,
    resource: "address-book-bulk-upload",
    scope: "address_book_bulk_upload",
    permission: Some("Contacts"),
    user_permission: Some("EditPersonalContacts"),
    request_media: &["application/json"],
    max_body: Some(20971520),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/address-book-bulk-upload/tasks/{taskId}`: Get Contacts Upload Task
pub static GET_ADDRESS_BOOK_BULK_UPLOAD_TASK: Operation = Operation {
    id: "getAddressBookBulkUploadTask",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/address-book-bulk-upload/tasks/{taskId}",
    group: ThrottleGroup::Light,
    resource: "address-book-bulk-upload",
    scope: "address_book_bulk_upload",
    permission: Some("Contacts"),
    user_permission: Some("EditPersonalContacts"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/answering-rule`: List Company Call Handling Rules
pub static LIST_COMPANY_ANSWERING_RULES: Operation = Operation {
    id: "listCompanyAnsweringRules",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/answering-rule",
    group: ThrottleGroup::Medium,
    resource: "answering-rule",
    scope: "answering_rule",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyAnsweringRules"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/answering-rule`: Create Company Call Handling Rule
pub static CREATE_COMPANY_ANSWERING_RULE: Operation = Operation {
    id: "createCompanyAnsweringRule",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/answering-rule",
    group: ThrottleGroup::Medium,
    resource: "answering-rule",
    scope: "answering_rule",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCompanyAnsweringRules"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/answering-rule/{ruleId}`: Get Company Call Handling Rule
pub static READ_COMPANY_ANSWERING_RULE: Operation = Operation {
    id: "readCompanyAnsweringRule",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/answering-rule/{ruleId}",
    group: ThrottleGroup::Light,
    resource: "answering-rule",
    scope: "answering_rule",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyAnsweringRules"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/answering-rule/{ruleId}`: Update Company Call Handling Rule
pub static UPDATE_COMPANY_ANSWERING_RULE: Operation = Operation {
    id: "updateCompanyAnsweringRule",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/answering-rule/{ruleId}",
    group: ThrottleGroup::Medium,
    resource: "answering-rule",
    scope: "answering_rule",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCompanyAnsweringRules"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/answering-rule/{ruleId}`: Delete Company Call Handling Rule
pub static DELETE_COMPANY_ANSWERING_RULE: Operation = Operation {
    id: "deleteCompanyAnsweringRule",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/answering-rule/{ruleId}",
    group: ThrottleGroup::Medium,
    resource: "answering-rule",
    scope: "answering_rule",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCompanyAnsweringRules"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/assigned-role`: List Company Assigned Roles
pub static LIST_ASSIGNED_ROLES: Operation = Operation {
    id: "listAssignedRoles",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/assigned-role",
    group: ThrottleGroup::Medium,
    resource: "assigned-role",
    scope: "assigned_role",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadAssignedRoles"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/audit-trail/search`: Search Audit Trail Data
pub static AUDIT_TRAIL_SEARCH: Operation = Operation {
    id: "auditTrailSearch",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/audit-trail/search",
    group: ThrottleGroup::Heavy,
    resource: "audit-trail",
    scope: "audit_trail",
    permission: Some("ReadAuditTrail"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/business-address`: Get Account Business Address
pub static READ_ACCOUNT_BUSINESS_ADDRESS: Operation = Operation {
    id: "readAccountBusinessAddress",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/business-address",
    group: ThrottleGroup::Light,
    resource: "business-address",
    scope: "business_address",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyInfo"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/business-address`: Update Company Business Address
pub static UPDATE_ACCOUNT_BUSINESS_ADDRESS: Operation = Operation {
    id: "updateAccountBusinessAddress",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/business-address",
    group: ThrottleGroup::Medium,
    resource: "business-address",
    scope: "business_address",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCompanyInfo"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/business-hours`: Get Company Business Hours
pub static READ_COMPANY_BUSINESS_HOURS: Operation = Operation {
    id: "readCompanyBusinessHours",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/business-hours",
    group: ThrottleGroup::Light,
    resource: "business-hours",
    scope: "business_hours",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyAnsweringRules"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/business-hours`: Update Company Business Hours
pub static UPDATE_COMPANY_BUSINESS_HOURS: Operation = Operation {
    id: "updateCompanyBusinessHours",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/business-hours",
    group: ThrottleGroup::Medium,
    resource: "business-hours",
    scope: "business_hours",
    permission: Some("EditExtensions"),
    user_permission: Some("EditUserAnsweringRules"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/call-log`: List Company Call Records
pub static READ_COMPANY_CALL_LOG: Operation = Operation {
    id: "readCompanyCallLog",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/call-log",
    group: ThrottleGroup::Heavy,
    resource: "call-log",
    scope: "call_logs",
    permission: Some("ReadCallLog"),
    user_permission: Some("FullCompanyCallLog"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/call-log-extract-sync`: Extract Sync Company Call Log
pub static EXTRACT_SYNC_ACCOUNT_CALL_LOG: Operation = Operation {
    id: "extractSyncAccountCallLog",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/call-log-extract-sync",
    group: ThrottleGroup::Heavy,
    resource: "call-log-extract-sync",
    scope: "call_log_extract_sync",
    permission: Some("ReadCallLog"),
    user_permission: Some("ReadCallLog"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/call-log-sync`: Sync Company Call Log
pub static SYNC_ACCOUNT_CALL_LOG: Operation = Operation {
    id: "syncAccountCallLog",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/call-log-sync",
    group: ThrottleGroup::Heavy,
    resource: "call-log-sync",
    scope: "call_log_sync",
    permission: Some("ReadCallLog"),
    user_permission: Some("ReadCallLog"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/call-log/{callRecordId}`: Get Company Call Record(s)
pub static READ_COMPANY_CALL_RECORD: Operation = Operation {
    id: "readCompanyCallRecord",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/call-log/{callRecordId}",
    group: ThrottleGroup::Heavy,
    resource: "call-log",
    scope: "call_logs",
    permission: Some("ReadCallLog"),
    user_permission: Some("FullCompanyCallLog"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/call-monitoring-groups`: List Call Monitoring Groups
pub static LIST_CALL_MONITORING_GROUPS: Operation = Operation {
    id: "listCallMonitoringGroups",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/call-monitoring-groups",
    group: ThrottleGroup::Medium,
    resource: "call-monitoring-groups",
    scope: "call_monitoring_groups",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadExtensions"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/call-monitoring-groups`: Create Call Monitoring Group
pub static CREATE_CALL_MONITORING_GROUP: Operation = Operation {
    id: "createCallMonitoringGroup",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/call-monitoring-groups",
    group: ThrottleGroup::Medium,
    resource: "call-monitoring-groups",
    scope: "call_monitoring_groups",
    permission: Some("EditExtensions"),
    user_permission: Some("Groups"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/call-monitoring-groups/{groupId}`: Update Call Monitoring Group
pub static UPDATE_CALL_MONITORING_GROUP: Operation = Operation {
    id: "updateCallMonitoringGroup",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/call-monitoring-groups/{groupId}",
    group: ThrottleGroup::Medium,
    resource: "call-monitoring-groups",
    scope: "call_monitoring_groups",
    permission: Some("EditExtensions"),
    user_permission: Some("Groups"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/call-monitoring-groups/{groupId}`: Delete Call Monitoring Group
pub static DELETE_CALL_MONITORING_GROUP: Operation = Operation {
    id: "deleteCallMonitoringGroup",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/call-monitoring-groups/{groupId}",
    group: ThrottleGroup::Medium,
    resource: "call-monitoring-groups",
    scope: "call_monitoring_groups",
    permission: Some("EditExtensions"),
    user_permission: Some("Groups"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/call-monitoring-groups/{groupId}/bulk-assign`: Update Call Monitoring Group List
pub static UPDATE_CALL_MONITORING_GROUP_LIST: Operation = Operation {
    id: "updateCallMonitoringGroupList",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/call-monitoring-groups/{groupId}/bulk-assign",
    group: ThrottleGroup::Heavy,
    resource: "call-monitoring-groups",
    scope: "call_monitoring_groups",
    permission: Some("EditExtensions"),
    user_permission: Some("Groups"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/call-monitoring-groups/{groupId}/members`: List Call Monitoring Group Members
pub static LIST_CALL_MONITORING_GROUP_MEMBERS: Operation = Operation {
    id: "listCallMonitoringGroupMembers",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/call-monitoring-groups/{groupId}/members",
    group: ThrottleGroup::Medium,
    resource: "call-monitoring-groups",
    scope: "call_monitoring_groups",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadExtensions"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/call-queues`: List Call Queues
pub static LIST_CALL_QUEUES: Operation = Operation {
    id: "listCallQueues",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/call-queues",
    group: ThrottleGroup::Medium,
    resource: "call-queues",
    scope: "call_queues",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadExtensions"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/call-queues/{groupId}`: Get Call Queue
pub static READ_CALL_QUEUE_INFO: Operation = Operation {
    id: "readCallQueueInfo",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/call-queues/{groupId}",
    group: ThrottleGroup::Light,
    resource: "call-queues",
    scope: "call_queues",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadExtensions"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/call-queues/{groupId}`: Update Call Queue
pub static UPDATE_CALL_QUEUE_INFO: Operation = Operation {
    id: "updateCallQueueInfo",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/call-queues/{groupId}",
    group: ThrottleGroup::Light,
    resource: "call-queues",
    scope: "call_queues",
    permission: Some("EditExtensions"),
    user_permission: Some("EditUserInfo"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/call-queues/{groupId}/bulk-assign`: Assign Multiple Call Queue Members
pub static ASSIGN_MULTIPLE_CALL_QUEUE_MEMBERS: Operation = Operation {
    id: "assignMultipleCallQueueMembers",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/call-queues/{groupId}/bulk-assign",
    group: ThrottleGroup::Heavy,
    resource: "call-queues",
    scope: "call_queues",
    permission: Some("EditExtensions"),
    user_permission: Some("Groups"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/call-queues/{groupId}/members`: List Call Queue Members
pub static LIST_CALL_QUEUE_MEMBERS: Operation = Operation {
    id: "listCallQueueMembers",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/call-queues/{groupId}/members",
    group: ThrottleGroup::Light,
    resource: "call-queues",
    scope: "call_queues",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadExtensions"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/call-queues/{groupId}/presence`: Get Call Queue Presence
pub static READ_CALL_QUEUE_PRESENCE: Operation = Operation {
    id: "readCallQueuePresence",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/call-queues/{groupId}/presence",
    group: ThrottleGroup::Light,
    resource: "call-queues",
    scope: "call_queues",
    permission: Some("ReadPresence"),
    user_permission: None,
    request_media: &[],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/call-queues/{groupId}/presence`: Update Call Queue Presence
pub static UPDATE_CALL_QUEUE_PRESENCE: Operation = Operation {
    id: "updateCallQueuePresence",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/call-queues/{groupId}/presence",
    group: ThrottleGroup::Medium,
    resource: "call-queues",
    scope: "call_queues",
    permission: Some("EditPresence"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/call-recording`: Get Call Recording Settings
pub static READ_CALL_RECORDING_SETTINGS: Operation = Operation {
    id: "readCallRecordingSettings",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/call-recording",
    group: ThrottleGroup::Light,
    resource: "call-recording",
    scope: "call_recording",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyInfo"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/call-recording`: Update Call Recording Settings
pub static UPDATE_CALL_RECORDING_SETTINGS: Operation = Operation {
    id: "updateCallRecordingSettings",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/call-recording",
    group: ThrottleGroup::Medium,
    resource: "call-recording",
    scope: "call_recording",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCompanyInfo"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/call-recording/bulk-assign`: Update Call Recording Extensions
pub static UPDATE_CALL_RECORDING_EXTENSIONS: Operation = Operation {
    id: "updateCallRecordingExtensions",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/call-recording/bulk-assign",
    group: ThrottleGroup::Medium,
    resource: "call-recording",
    scope: "call_recording",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyInfo"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/call-recording/custom-greetings`: List Call Recording Custom Greetings
pub static LIST_CALL_RECORDING_CUSTOM_GREETINGS: Operation = Operation {
    id: "listCallRecordingCustomGreetings",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/call-recording/custom-greetings",
    group: ThrottleGroup::Medium,
    resource: "call-recording",
    scope: "call_recording",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyInfo"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/call-recording/custom-greetings`: Delete Call Recording Custom Greetings
pub static DELETE_CALL_RECORDING_CUSTOM_GREETINGS: Operation = Operation {
    id: "deleteCallRecordingCustomGreetings",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/call-recording/custom-greetings",
    group: ThrottleGroup::Medium,
    resource: "call-recording",
    scope: "call_recording",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCompanyInfo"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/call-recording/custom-greetings/{greetingId}`: Delete Call Recording Custom Greeting
pub static DELETE_CALL_RECORDING_CUSTOM_GREETING: Operation = Operation {
    id: "deleteCallRecordingCustomGreeting",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/call-recording/custom-greetings/{greetingId}",
    group: ThrottleGroup::Medium,
    resource: "call-recording",
    scope: "call_recording",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCompanyInfo"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/call-recording/extensions`: List Call Recording Extensions
pub static LIST_CALL_RECORDING_EXTENSIONS: Operation = Operation {
    id: "listCallRecordingExtensions",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/call-recording/extensions",
    group: ThrottleGroup::Medium,
    resource: "call-recording",
    scope: "call_recording",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyInfo"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/call-recordings`: Delete Company Call Recordings
pub static DELETE_COMPANY_CALL_RECORDINGS: Operation = Operation {
    id: "deleteCompanyCallRecordings",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/call-recordings",
    group: ThrottleGroup::Heavy,
    resource: "call-recordings",
    scope: "call_recordings",
    permission: Some("EditCallLog"),
    user_permission: Some("EditCompanyCallRecordings"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/custom-fields`: List Custom Fields
pub static LIST_CUSTOM_FIELDS: Operation = Operation {
    id: "listCustomFields",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/custom-fields",
    group: ThrottleGroup::Light,
    resource: "custom-fields",
    scope: "custom_fields",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadUserInfo"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/custom-fields`: Create Custom Field
pub static CREATE_CUSTOM_FIELD: Operation = Operation {
    id: "createCustomField",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/custom-fields",
    group: ThrottleGroup::Medium,
    resource: "custom-fields",
    scope: "custom_fields",
    permission: Some("EditAccounts"),
    user_permission: Some("Users"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/custom-fields/{fieldId}`: Update Custom Field
pub static UPDATE_CUSTOM_FIELD: Operation = Operation {
    id: "updateCustomField",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/custom-fields/{fieldId}",
    group: ThrottleGroup::Medium,
    resource: "custom-fields",
    scope: "custom_fields",
    permission: Some("EditAccounts"),
    user_permission: Some("Users"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/custom-fields/{fieldId}`: Delete Custom Field
pub static DELETE_CUSTOM_FIELD: Operation = Operation {
    id: "deleteCustomField",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/custom-fields/{fieldId}",
    group: ThrottleGroup::Medium,
    resource: "custom-fields",
    scope: "custom_fields",
    permission: Some("EditAccounts"),
    user_permission: Some("Users"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/department/bulk-assign`: Assign Multiple Department Members
pub static ASSIGN_MULTIPLE_DEPARTMENT_MEMBERS: Operation = Operation {
    id: "assignMultipleDepartmentMembers",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/department/bulk-assign",
    group: ThrottleGroup::Heavy,
    resource: "department",
    scope: "department",
    permission: Some("EditAccounts"),
    user_permission: Some("UserGroups"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: true,
};

/// `GET /restapi/v1.0/account/{accountId}/department/{departmentId}/members`: Get Department Member List
pub static LIST_DEPARTMENT_MEMBERS: Operation = Operation {
    id: "listDepartmentMembers",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/department/{departmentId}/members",
    group: ThrottleGroup::Light,
    resource: "department",
    scope: "department",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadExtensions"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: true,
};

/// `GET /restapi/v1.0/account/{accountId}/device/{deviceId}`: Get Device
pub static READ_DEVICE: Operation = Operation {
    id: "readDevice",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/device/{deviceId}",
    group: ThrottleGroup::Light,
    resource: "device",
    scope: "device",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyDevices"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/device/{deviceId}`: Update Device
pub static UPDATE_DEVICE: Operation = Operation {
    id: "updateDevice",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/device/{deviceId}",
    group: ThrottleGroup::Medium,
    resource: "device",
    scope: "device",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCompanyDevices"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/device/{deviceId}/emergency`: Update Device Emergency Info
pub static UPDATE_DEVICE_EMERGENCY: Operation = Operation {
    id: "updateDeviceEmergency",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/device/{deviceId}/emergency",
    group: ThrottleGroup::Medium,
    resource: "device",
    scope: "device",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCompanyDevices"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/device/{deviceId}/sip-info`: Get Device SIP Info
pub static READ_DEVICE_SIP_INFO: Operation = Operation {
    id: "readDeviceSipInfo",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/device/{deviceId}/sip-info",
    group: ThrottleGroup::Light,
    resource: "device",
    scope: "device",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyDevices"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/directory/entries`: Get Company Directory Entries
pub static LIST_DIRECTORY_ENTRIES: Operation = Operation {
    id: "listDirectoryEntries",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/directory/entries",
    group: ThrottleGroup::Medium,
    resource: "directory",
    scope: "directory",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/directory/entries/search`: Search Company Directory Entries
pub static SEARCH_DIRECTORY_ENTRIES: Operation = Operation {
    id: "searchDirectoryEntries",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/directory/entries/search",
    group: ThrottleGroup::Heavy,
    resource: "directory",
    scope: "directory",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadExtensions"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/directory/entries/{entryId}`: Get Corporate Directory Entry
pub static READ_DIRECTORY_ENTRY: Operation = Operation {
    id: "readDirectoryEntry",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/directory/entries/{entryId}",
    group: ThrottleGroup::Medium,
    resource: "directory",
    scope: "directory",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/directory/federation`: Get Account Federation
pub static READ_DIRECTORY_FEDERATION: Operation = Operation {
    id: "readDirectoryFederation",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/directory/federation",
    group: ThrottleGroup::Medium,
    resource: "directory",
    scope: "directory",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyInfo"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/emergency-address-auto-update/devices`: List Devices
pub static LIST_DEVICES_AUTOMATIC_LOCATION_UPDATES: Operation = Operation {
    id: "listDevicesAutomaticLocationUpdates",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/devices",
    group: ThrottleGroup::Medium,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/emergency-address-auto-update/devices/bulk-assign`: Enable Automatic Location Updates Feature
pub static ASSIGN_MULTIPLE_DEVICES_AUTOMATIC_LOCATION_UPDATES: Operation = Operation {
    id: "assignMultipleDevicesAutomaticLocationUpdates",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/devices/bulk-assign",
    group: ThrottleGroup::Heavy,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/emergency-address-auto-update/networks`: Get Network Map
pub static LIST_NETWORKS: Operation = Operation {
    id: "listNetworks",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/networks",
    group: ThrottleGroup::Heavy,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/emergency-address-auto-update/networks`: Create Network
pub static CREATE_NETWORK: Operation = Operation {
    id: "createNetwork",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/networks",
    group: ThrottleGroup::Heavy,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/emergency-address-auto-update/networks/{networkId}`: Get Network
pub static READ_NETWORK: Operation = Operation {
    id: "readNetwork",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/networks/{networkId}",
    group: ThrottleGroup::Medium,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/emergency-address-auto-update/networks/{networkId}`: Update Network
pub static UPDATE_NETWORK: Operation = Operation {
    id: "updateNetwork",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/networks/{networkId}",
    group: ThrottleGroup::Heavy,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/emergency-address-auto-update/networks/{networkId}`: Delete Network
pub static DELETE_NETWORK: Operation = Operation {
    id: "deleteNetwork",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/networks/{networkId}",
    group: ThrottleGroup::Heavy,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/emergency-address-auto-update/switches`: List Account Switches
pub static LIST_ACCOUNT_SWITCHES: Operation = Operation {
    id: "listAccountSwitches",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/switches",
    group: ThrottleGroup::Heavy,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/emergency-address-auto-update/switches`: Create Switch
pub static CREATE_SWITCH: Operation = Operation {
    id: "createSwitch",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/switches",
    group: ThrottleGroup::Heavy,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/emergency-address-auto-update/switches-bulk-create`: Create Multiple Switches
pub static CREATE_MULTIPLE_SWITCHES: Operation = Operation {
    id: "createMultipleSwitches",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/switches-bulk-create",
    group: ThrottleGroup::Heavy,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &["application/json"],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/emergency-address-auto-update/switches-bulk-update`: Update Multiple Switches
pub static UPDATE_MULTIPLE_SWITCHES: Operation = Operation {
    id: "updateMultipleSwitches",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/switches-bulk-update",
    group: ThrottleGroup::Heavy,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &["application/json"],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/emergency-address-auto-update/switches-bulk-validate`: Validate Multiple Switches
pub static VALIDATE_MULTIPLE_SWITCHES: Operation = Operation {
    id: "validateMultipleSwitches",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/switches-bulk-validate",
    group: ThrottleGroup::Heavy,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &["application/json"],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/emergency-address-auto-update/switches/{switchId}`: Get Switch
pub static READ_SWITCH: Operation = Operation {
    id: "readSwitch",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/switches/{switchId}",
    group: ThrottleGroup::Medium,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/emergency-address-auto-update/switches/{switchId}`: Update Switch
pub static UPDATE_SWITCH: Operation = Operation {
    id: "updateSwitch",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/switches/{switchId}",
    group: ThrottleGroup::Heavy,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/emergency-address-auto-update/switches/{switchId}`: Delete Switch
pub static DELETE_SWITCH: Operation = Operation {
    id: "deleteSwitch",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/switches/{switchId}",
    group: ThrottleGroup::Heavy,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/emergency-address-auto-update/tasks/{taskId}`: Get Emergency Map Configuration Task
pub static READ_AUTOMATIC_LOCATION_UPDATES_TASK: Operation = Operation {
    id: "readAutomaticLocationUpdatesTask",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/tasks/{taskId}",
    group: ThrottleGroup::Light,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/emergency-address-auto-update/users`: List Users
pub static LIST_AUTOMATIC_LOCATION_UPDATES_USERS: Operation = Operation {
    id: "listAutomaticLocationUpdatesUsers",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/users",
    group: ThrottleGroup::Medium,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/emergency-address-auto-update/users/bulk-assign`: Enable Automatic Location Updates for Users
pub static ASSIGN_MULTIPLE_AUTOMATIC_LOCATION_UPDATES_USERS: Operation = Operation {
    id: "assignMultipleAutomaticLocationUpdatesUsers",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/users/bulk-assign",
    group: ThrottleGroup::Heavy,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/emergency-address-auto-update/wireless-points`: List Wireless Points
pub static LIST_WIRELESS_POINTS: Operation = Operation {
    id: "listWirelessPoints",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/wireless-points",
    group: ThrottleGroup::Medium,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/emergency-address-auto-update/wireless-points`: Create Wireless Point
pub static CREATE_WIRELESS_POINT: Operation = Operation {
    id: "createWirelessPoint",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/wireless-points",
    group: ThrottleGroup::Heavy,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/emergency-address-auto-update/wireless-points-bulk-create`: Create Multiple Wireless Points
pub static CREATE_MULTIPLE_WIRELESS_POINTS: Operation = Operation {
    id: "createMultipleWirelessPoints",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/wireless-points-bulk-create",
    group: ThrottleGroup::Heavy,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &["application/json"],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/emergency-address-auto-update/wireless-points-bulk-update`: Update Multiple Wireless Points
pub static UPDATE_MULTIPLE_WIRELESS_POINTS: Operation = Operation {
    id: "updateMultipleWirelessPoints",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/wireless-points-bulk-update",
    group: ThrottleGroup::Heavy,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &["application/json"],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/emergency-address-auto-update/wireless-points-bulk-validate`: Validate Multiple Wireless Points
pub static VALIDATE_MULTIPLE_WIRELESS_POINTS: Operation = Operation {
    id: "validateMultipleWirelessPoints",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/wireless-points-bulk-validate",
    group: ThrottleGroup::Heavy,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &["application/json"],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/emergency-address-auto-update/wireless-points/{pointId}`: Get Wireless Point
pub static READ_WIRELESS_POINT: Operation = Operation {
    id: "readWirelessPoint",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/wireless-points/{pointId}",
    group: ThrottleGroup::Medium,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/emergency-address-auto-update/wireless-points/{pointId}`: Update Wireless Point
pub static UPDATE_WIRELESS_POINT: Operation = Operation {
    id: "updateWirelessPoint",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/wireless-points/{pointId}",
    group: ThrottleGroup::Heavy,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/emergency-address-auto-update/wireless-points/{pointId}`: Delete Wireless Point
pub static DELETE_WIRELESS_POINT: Operation = Operation {
    id: "deleteWirelessPoint",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/emergency-address-auto-update/wireless-points/{pointId}",
    group: ThrottleGroup::Heavy,
    resource: "emergency-address-auto-update",
    scope: "emergency_address_auto_update",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/emergency-locations`: List Emergency Locations
pub static LIST_EMERGENCY_LOCATIONS: Operation = Operation {
    id: "listEmergencyLocations",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/emergency-locations",
    group: ThrottleGroup::Light,
    resource: "emergency-locations",
    scope: "emergency_locations",
    permission: Some("ReadAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/emergency-locations`: Add Emergency Location
pub static CREATE_EMERGENCY_LOCATION: Operation = Operation {
    id: "createEmergencyLocation",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/emergency-locations",
    group: ThrottleGroup::Medium,
    resource: "emergency-locations",
    scope: "emergency_locations",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/emergency-locations/{locationId}`: Get Emergency Location
pub static READ_EMERGENCY_LOCATION: Operation = Operation {
    id: "readEmergencyLocation",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/emergency-locations/{locationId}",
    group: ThrottleGroup::Light,
    resource: "emergency-locations",
    scope: "emergency_locations",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/emergency-locations/{locationId}`: Update Emergency Location
pub static UPDATE_EMERGENCY_LOCATION: Operation = Operation {
    id: "updateEmergencyLocation",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/emergency-locations/{locationId}",
    group: ThrottleGroup::Heavy,
    resource: "emergency-locations",
    scope: "emergency_locations",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/emergency-locations/{locationId}`: Delete Emergency Location
pub static DELETE_EMERGENCY_LOCATION: Operation = Operation {
    id: "deleteEmergencyLocation",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/emergency-locations/{locationId}",
    group: ThrottleGroup::Heavy,
    resource: "emergency-locations",
    scope: "emergency_locations",
    permission: Some("EditAccounts"),
    user_permission: Some("ConfigureEmergencyMaps"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension`: List Extensions
pub static LIST_EXTENSIONS: Operation = Operation {
    id: "listExtensions",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension",
    group: ThrottleGroup::Medium,
    resource: "extensions",
    scope: "extensions",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadExtensions"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/extension`: Create Extension
pub static CREATE_EXTENSION: Operation = Operation {
    id: "createExtension",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/extension",
    group: ThrottleGroup::Medium,
    resource: "extensions",
    scope: "extensions",
    permission: Some("EditAccounts"),
    user_permission: Some("AddRemoveUsers"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/extension-bulk-update`: Update Multiple Extensions
pub static EXTENSION_BULK_UPDATE: Operation = Operation {
    id: "extensionBulkUpdate",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/extension-bulk-update",
    group: ThrottleGroup::Heavy,
    resource: "extension-bulk-update",
    scope: "extension_bulk_update",
    permission: Some("EditExtensions"),
    user_permission: Some("EditExtensionInfo"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension-bulk-update/tasks/{taskId}`: Get Extension Update Task Status
pub static GET_EXTENSION_BULK_UPDATE_TASK: Operation = Operation {
    id: "getExtensionBulkUpdateTask",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension-bulk-update/tasks/{taskId}",
    group: ThrottleGroup::Light,
    resource: "extension-bulk-update",
    scope: "extension_bulk_update",
    permission: Some("EditExtensions"),
    user_permission: Some("EditExtensionInfo"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{callQueueId}/overflow-settings`: Get Call Queue Overflow Settings
pub static GET_CALL_QUEUE_OVERFLOW_SETTINGS: Operation = Operation {
    id: "getCallQueueOverflowSettings",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{callQueueId}/overflow-settings",
    group: ThrottleGroup::Heavy,
    resource: "overflow-settings",
    scope: "overflow_settings",
    permission: Some("ReadAccounts"),
    user_permission: Some("CallQueueToCallQueue"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{callQueueId}/overflow-settings`: Update Call Queue Overflow Settings
pub static UPDATE_CALL_QUEUE_OVERFLOW_SETTINGS: Operation = Operation {
    id: "updateCallQueueOverflowSettings",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{callQueueId}/overflow-settings",
    group: ThrottleGroup::Heavy,
    resource: "overflow-settings",
    scope: "overflow_settings",
    permission: Some("EditExtensions"),
    user_permission: Some("CallQueueToCallQueue"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}`: Get Extension
pub static READ_EXTENSION: Operation = Operation {
    id: "readExtension",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}",
    group: ThrottleGroup::Light,
    resource: "extensions",
    scope: "extensions",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadExtensions"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}`: Update Extension
pub static UPDATE_EXTENSION: Operation = Operation {
    id: "updateExtension",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}",
    group: ThrottleGroup::Medium,
    resource: "extensions",
    scope: "extensions",
    permission: Some("EditExtensions"),
    user_permission: Some("EditUserInfo OR EditUserCredentials"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/extension/{extensionId}`: Delete Extension
pub static DELETE_EXTENSION: Operation = Operation {
    id: "deleteExtension",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}",
    group: ThrottleGroup::Medium,
    resource: "extensions",
    scope: "extensions",
    permission: Some("EditAccounts"),
    user_permission: Some("AddRemoveUsers"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: true,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/active-calls`: List User Active Calls
pub static LIST_EXTENSION_ACTIVE_CALLS: Operation = Operation {
    id: "listExtensionActiveCalls",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/active-calls",
    group: ThrottleGroup::Heavy,
    resource: "active-calls",
    scope: "active_calls",
    permission: Some("ReadCallLog"),
    user_permission: Some("ReadCallLog"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/address-book-sync`: Address Book Synchronization
pub static SYNC_ADDRESS_BOOK: Operation = Operation {
    id: "syncAddressBook",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/address-book-sync",
    group: ThrottleGroup::Heavy,
    resource: "address-book-sync",
    scope: "address_book_sync",
    permission: Some("ReadContacts"),
    user_permission: Some("ReadPersonalContacts"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/address-book/contact`: List Contacts
pub static LIST_CONTACTS: Operation = Operation {
    id: "listContacts",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/address-book/contact",
    group: ThrottleGroup::Heavy,
    resource: "address-book",
    scope: "address_book",
    permission: Some("ReadContacts"),
    user_permission: Some("ReadPersonalContacts"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/extension/{extensionId}/address-book/contact`: Create User Contact
pub static CREATE_CONTACT: Operation = Operation {
    id: "createContact",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/address-book/contact",
    group: ThrottleGroup::Heavy,
    resource: "address-book",
    scope: "address_book",
    permission: Some("Contacts"),
    user_permission: Some("EditPersonalContacts"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/address-book/contact/{contactId}`: Get User Contact(s)
pub static READ_CONTACT: Operation = Operation {
    id: "readContact",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/address-book/contact/{contactId}",
    group: ThrottleGroup::Heavy,
    resource: "address-book",
    scope: "address_book",
    permission: Some("ReadContacts"),
    user_permission: Some("ReadPersonalContacts"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/address-book/contact/{contactId}`: Update User Contact(s)
pub static UPDATE_CONTACT: Operation = Operation {
    id: "updateContact",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/address-book/contact/{contactId}",
    group: ThrottleGroup::Heavy,
    resource: "address-book",
    scope: "address_book",
    permission: Some("Contacts"),
    user_permission: Some("EditPersonalContacts"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /restapi/v1.0/account/{accountId}/extension/{extensionId}/address-book/contact/{contactId}`: Update Contact Attributes
pub static PATCH_CONTACT: Operation = Operation {
    id: "patchContact",
    method: Method::PATCH,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/address-book/contact/{contactId}",
    group: ThrottleGroup::Heavy,
    resource: "address-book",
    scope: "address_book",
    permission: Some("Contacts"),
    user_permission: Some("EditPersonalContacts"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/extension/{extensionId}/address-book/contact/{contactId}`: Delete User Contact(s)
pub static DELETE_CONTACT: Operation = Operation {
    id: "deleteContact",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/address-book/contact/{contactId}",
    group: ThrottleGroup::Heavy,
    resource: "address-book",
    scope: "address_book",
    permission: Some("Contacts"),
    user_permission: Some("EditPersonalContacts"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/administered-sites`: List User Administered Sites
pub static LIST_ADMINISTERED_SITES: Operation = Operation {
    id: "listAdministeredSites",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/administered-sites",
    group: ThrottleGroup::Medium,
    resource: "administered-sites",
    scope: "administered_sites",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadExtensions"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/administered-sites`: Update User Administered Sites
pub static UPDATE_USER_ADMINISTERED_SITES: Operation = Operation {
    id: "updateUserAdministeredSites",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/administered-sites",
    group: ThrottleGroup::Medium,
    resource: "administered-sites",
    scope: "administered_sites",
    permission: Some("EditAccounts"),
    user_permission: Some("EditAssignedRoles"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/answering-rule`: List Call Handling Rules
pub static LIST_ANSWERING_RULES: Operation = Operation {
    id: "listAnsweringRules",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/answering-rule",
    group: ThrottleGroup::Medium,
    resource: "answering-rule",
    scope: "answering_rule",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadUserAnsweringRules"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/extension/{extensionId}/answering-rule`: Create Call Handling Rule
pub static CREATE_ANSWERING_RULE: Operation = Operation {
    id: "createAnsweringRule",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/answering-rule",
    group: ThrottleGroup::Medium,
    resource: "answering-rule",
    scope: "answering_rule",
    permission: Some("EditExtensions"),
    user_permission: Some("EditUserAnsweringRules"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/answering-rule/{ruleId}`: Get Call Handling Rule
pub static READ_ANSWERING_RULE: Operation = Operation {
    id: "readAnsweringRule",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/answering-rule/{ruleId}",
    group: ThrottleGroup::Light,
    resource: "answering-rule",
    scope: "answering_rule",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadUserAnsweringRules"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/answering-rule/{ruleId}`: Update Call Handling Rule
pub static UPDATE_ANSWERING_RULE: Operation = Operation {
    id: "updateAnsweringRule",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/answering-rule/{ruleId}",
    group: ThrottleGroup::Medium,
    resource: "answering-rule",
    scope: "answering_rule",
    permission: Some("EditExtensions"),
    user_permission: Some("EditUserAnsweringRules"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/extension/{extensionId}/answering-rule/{ruleId}`: Delete Call Handling Rule
pub static DELETE_ANSWERING_RULE: Operation = Operation {
    id: "deleteAnsweringRule",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/answering-rule/{ruleId}",
    group: ThrottleGroup::Medium,
    resource: "answering-rule",
    scope: "answering_rule",
    permission: Some("EditExtensions"),
    user_permission: Some("EditUserAnsweringRules"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/assignable-roles`: List Assignable Roles
pub static LIST_OF_AVAILABLE_FOR_ASSIGNING_ROLES: Operation = Operation {
    id: "listOfAvailableForAssigningRoles",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/assignable-roles",
    group: ThrottleGroup::Medium,
    resource: "assignable-roles",
    scope: "assignable_roles",
    permission: Some("RoleManagement"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/assigned-role`: List User Assigned Roles
pub static LIST_USER_ASSIGNED_ROLES: Operation = Operation {
    id: "listUserAssignedRoles",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/assigned-role",
    group: ThrottleGroup::Light,
    resource: "assigned-role",
    scope: "assigned_role",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadAssignedRoles"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/assigned-role`: Update User Assigned Roles
pub static UPDATE_USER_ASSIGNED_ROLES: Operation = Operation {
    id: "updateUserAssignedRoles",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/assigned-role",
    group: ThrottleGroup::Medium,
    resource: "assigned-role",
    scope: "assigned_role",
    permission: Some("RoleManagement"),
    user_permission: Some("EditAssignedRoles"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/assigned-role/default`: Assign Default Role
pub static ASSIGN_DEFAULT_ROLE: Operation = Operation {
    id: "assignDefaultRole",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/assigned-role/default",
    group: ThrottleGroup::Medium,
    resource: "assigned-role",
    scope: "assigned_role",
    permission: Some("RoleManagement"),
    user_permission: Some("Users"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/authz-profile`: Get Authorization Profile
pub static READ_AUTHORIZATION_PROFILE: Operation = Operation {
    id: "readAuthorizationProfile",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/authz-profile",
    group: ThrottleGroup::Medium,
    resource: "authz-profile",
    scope: "authz_profile",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/authz-profile/check`: Check User Permission
pub static CHECK_USER_PERMISSION: Operation = Operation {
    id: "checkUserPermission",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/authz-profile/check",
    group: ThrottleGroup::Light,
    resource: "authz-profile",
    scope: "authz_profile",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/business-hours`: Get User Business Hours
pub static READ_USER_BUSINESS_HOURS: Operation = Operation {
    id: "readUserBusinessHours",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/business-hours",
    group: ThrottleGroup::Light,
    resource: "business-hours",
    scope: "business_hours",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadExtensions"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/business-hours`: Update User Business Hours
pub static UPDATE_USER_BUSINESS_HOURS: Operation = Operation {
    id: "updateUserBusinessHours",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/business-hours",
    group: ThrottleGroup::Medium,
    resource: "business-hours",
    scope: "business_hours",
    permission: Some("EditExtensions"),
    user_permission: Some("EditUserAnsweringRules"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/call-log`: List User Call Records
pub static READ_USER_CALL_LOG: Operation = Operation {
    id: "readUserCallLog",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/call-log",
    group: ThrottleGroup::Heavy,
    resource: "call-log",
    scope: "call_logs",
    permission: Some("ReadCallLog"),
    user_permission: Some("ReadCallLog"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/extension/{extensionId}/call-log`: Delete User Call Records
pub static DELETE_USER_CALL_LOG: Operation = Operation {
    id: "deleteUserCallLog",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/call-log",
    group: ThrottleGroup::Heavy,
    resource: "call-log",
    scope: "call_logs",
    permission: Some("EditCallLog"),
    user_permission: Some("EditCallLog"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/call-log-sync`: Sync User Call Log
pub static SYNC_USER_CALL_LOG: Operation = Operation {
    id: "syncUserCallLog",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/call-log-sync",
    group: ThrottleGroup::Heavy,
    resource: "call-log-sync",
    scope: "call_log_sync",
    permission: Some("ReadCallLog"),
    user_permission: Some("ReadCallLog"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/call-log/{callRecordId}`: Get User Call Record(s)
pub static READ_USER_CALL_RECORD: Operation = Operation {
    id: "readUserCallRecord",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/call-log/{callRecordId}",
    group: ThrottleGroup::Heavy,
    resource: "call-log",
    scope: "call_logs",
    permission: Some("ReadCallLog"),
    user_permission: Some("ReadCallLog"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/call-queue-presence`: Get Agent’s Call Queue Presence
pub static READ_EXTENSION_CALL_QUEUE_PRESENCE: Operation = Operation {
    id: "readExtensionCallQueuePresence",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/call-queue-presence",
    group: ThrottleGroup::Light,
    resource: "call-queue-presence",
    scope: "call_queue_presence",
    permission: Some("ReadPresence"),
    user_permission: None,
    request_media: &[],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/call-queue-presence`: Update Call Queue Presence
pub static UPDATE_EXTENSION_CALL_QUEUE_PRESENCE: Operation = Operation {
    id: "updateExtensionCallQueuePresence",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/call-queue-presence",
    group: ThrottleGroup::Medium,
    resource: "call-queue-presence",
    scope: "call_queue_presence",
    permission: Some("EditPresence"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/call-queues`: Update User Call Queues
pub static UPDATE_USER_CALL_QUEUES: Operation = Operation {
    id: "updateUserCallQueues",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/call-queues",
    group: ThrottleGroup::Medium,
    resource: "call-queues",
    scope: "call_queues",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCallQueuePresence"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/caller-blocking`: Get Caller Blocking Settings
pub static READ_CALLER_BLOCKING_SETTINGS: Operation = Operation {
    id: "readCallerBlockingSettings",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/caller-blocking",
    group: ThrottleGroup::Light,
    resource: "caller-blocking",
    scope: "caller_blocking",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadBlockedNumbers"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/caller-blocking`: Update Caller Blocking Settings
pub static UPDATE_CALLER_BLOCKING_SETTINGS: Operation = Operation {
    id: "updateCallerBlockingSettings",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/caller-blocking",
    group: ThrottleGroup::Light,
    resource: "caller-blocking",
    scope: "caller_blocking",
    permission: Some("EditExtensions"),
    user_permission: Some("EditBlockedNumbers"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/caller-blocking/phone-numbers`: List Blocked/Allowed Phone Numbers
pub static LIST_BLOCKED_ALLOWED_NUMBERS: Operation = Operation {
    id: "listBlockedAllowedNumbers",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/caller-blocking/phone-numbers",
    group: ThrottleGroup::Light,
    resource: "caller-blocking",
    scope: "caller_blocking",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadBlockedNumbers"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/extension/{extensionId}/caller-blocking/phone-numbers`: Add Blocked/Allowed Number
pub static CREATE_BLOCKED_ALLOWED_NUMBER: Operation = Operation {
    id: "createBlockedAllowedNumber",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/caller-blocking/phone-numbers",
    group: ThrottleGroup::Medium,
    resource: "caller-blocking",
    scope: "caller_blocking",
    permission: Some("EditExtensions"),
    user_permission: Some("EditBlockedNumbers"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/caller-blocking/phone-numbers/{blockedNumberId}`: Get Blocked/Allowed Number
pub static READ_BLOCKED_ALLOWED_NUMBER: Operation = Operation {
    id: "readBlockedAllowedNumber",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/caller-blocking/phone-numbers/{blockedNumberId}",
    group: ThrottleGroup::Light,
    resource: "caller-blocking",
    scope: "caller_blocking",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadBlockedNumbers"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/caller-blocking/phone-numbers/{blockedNumberId}`: Update Blocked/Allowed Number
pub static UPDATE_BLOCKED_ALLOWED_NUMBER: Operation = Operation {
    id: "updateBlockedAllowedNumber",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/caller-blocking/phone-numbers/{blockedNumberId}",
    group: ThrottleGroup::Medium,
    resource: "caller-blocking",
    scope: "caller_blocking",
    permission: Some("EditExtensions"),
    user_permission: Some("EditBlockedNumbers"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/extension/{extensionId}/caller-blocking/phone-numbers/{blockedNumberId}`: Delete Blocked/Allowed Number
pub static DELETE_BLOCKED_ALLOWED_NUMBER: Operation = Operation {
    id: "deleteBlockedAllowedNumber",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/caller-blocking/phone-numbers/{blockedNumberId}",
    group: ThrottleGroup::Medium,
    resource: "caller-blocking",
    scope: "caller_blocking",
    permission: Some("EditExtensions"),
    user_permission: Some("EditBlockedNumbers"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/caller-id`: Get Extension Caller ID
pub static READ_EXTENSION_CALLER_ID: Operation = Operation {
    id: "readExtensionCallerId",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/caller-id",
    group: ThrottleGroup::Light,
    resource: "caller-id",
    scope: "caller_id",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCallerIDSettings"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/caller-id`: Update Extension Caller ID
pub static UPDATE_EXTENSION_CALLER_ID: Operation = Operation {
    id: "updateExtensionCallerId",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/caller-id",
    group: ThrottleGroup::Medium,
    resource: "caller-id",
    scope: "caller_id",
    permission: Some("EditExtensions"),
    user_permission: Some("EditCallerIDSettings"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/extension/{extensionId}/company-pager`: Create Internal Text Message
pub static CREATE_INTERNAL_TEXT_MESSAGE: Operation = Operation {
    id: "createInternalTextMessage",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/company-pager",
    group: ThrottleGroup::Medium,
    resource: "company-pager",
    scope: "company_pager",
    permission: Some("InternalMessages"),
    user_permission: Some("InternalSMS"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/conferencing`: Get User Conferencing Settings
pub static READ_CONFERENCING_SETTINGS: Operation = Operation {
    id: "readConferencingSettings",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/conferencing",
    group: ThrottleGroup::Light,
    resource: "conferencing",
    scope: "conferencing",
    permission: Some("ReadAccounts"),
    user_permission: Some("OrganizeConference"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/conferencing`: Update User Conferencing Settings
pub static UPDATE_CONFERENCING_SETTINGS: Operation = Operation {
    id: "updateConferencingSettings",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/conferencing",
    group: ThrottleGroup::Medium,
    resource: "conferencing",
    scope: "conferencing",
    permission: Some("EditExtensions"),
    user_permission: Some("OrganizeConference"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/device`: List Extension Devices
pub static LIST_EXTENSION_DEVICES: Operation = Operation {
    id: "listExtensionDevices",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/device",
    group: ThrottleGroup::Light,
    resource: "device",
    scope: "device",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadUserDevices"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/emergency-locations`: List User Emergency Locations
pub static GET_EXTENSION_EMERGENCY_LOCATIONS: Operation = Operation {
    id: "getExtensionEmergencyLocations",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/emergency-locations",
    group: ThrottleGroup::Light,
    resource: "emergency-locations",
    scope: "emergency_locations",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/extension/{extensionId}/emergency-locations`: Create User Emergency Location
pub static CREATE_EXTENSION_EMERGENCY_LOCATION: Operation = Operation {
    id: "createExtensionEmergencyLocation",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/emergency-locations",
    group: ThrottleGroup::Heavy,
    resource: "emergency-locations",
    scope: "emergency_locations",
    permission: Some("EditAccounts"),
    user_permission: Some("EmergencyFramework"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/emergency-locations/{locationId}`: Get User Emergency Location
pub static GET_EXTENSION_EMERGENCY_LOCATION: Operation = Operation {
    id: "getExtensionEmergencyLocation",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/emergency-locations/{locationId}",
    group: ThrottleGroup::Light,
    resource: "emergency-locations",
    scope: "emergency_locations",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/emergency-locations/{locationId}`: Update User Emergency Location
pub static UPDATE_EXTENSION_EMERGENCY_LOCATION: Operation = Operation {
    id: "updateExtensionEmergencyLocation",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/emergency-locations/{locationId}",
    group: ThrottleGroup::Light,
    resource: "emergency-locations",
    scope: "emergency_locations",
    permission: Some("EditAccounts"),
    user_permission: Some("EmergencyFramework"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/extension/{extensionId}/emergency-locations/{locationId}`: Delete User Emergency Location
pub static DELETE_EXTENSION_EMERGENCY_LOCATION: Operation = Operation {
    id: "deleteExtensionEmergencyLocation",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/emergency-locations/{locationId}",
    group: ThrottleGroup::Heavy,
    resource: "emergency-locations",
    scope: "emergency_locations",
    permission: Some("EditAccounts"),
    user_permission: Some("EmergencyFramework"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/favorite`: List Favorite Contacts
pub static LIST_FAVORITE_CONTACTS: Operation = Operation {
    id: "listFavoriteContacts",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/favorite",
    group: ThrottleGroup::Light,
    resource: "favorite",
    scope: "favorite",
    permission: Some("ReadContacts"),
    user_permission: Some("ReadPersonalContacts"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/favorite`: Update Favorite Contact List
pub static UPDATE_FAVORITE_CONTACT_LIST: Operation = Operation {
    id: "updateFavoriteContactList",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/favorite",
    group: ThrottleGroup::Medium,
    resource: "favorite",
    scope: "favorite",
    permission: Some("Contacts"),
    user_permission: Some("EditPersonalContacts"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/extension/{extensionId}/fax`: Create Fax Message
pub static CREATE_FAX_MESSAGE: Operation = Operation {
    id: "createFaxMessage",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/fax",
    group: ThrottleGroup::Heavy,
    resource: "fax",
    scope: "fax",
    permission: Some("Faxes"),
    user_permission: Some("OutboundFaxes"),
    request_media: &["application/json", "multipart/form-data"],
    max_body: Some(57671680),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/features`: Get User Features
pub static READ_EXTENSION_FEATURES: Operation = Operation {
    id: "readExtensionFeatures",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/features",
    group: ThrottleGroup::Medium,
    resource: "features",
    scope: "features",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadExtensions"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/forwarding-number`: List Forwarding Numbers
pub static LIST_FORWARDING_NUMBERS: Operation = Operation {
    id: "listForwardingNumbers",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/forwarding-number",
    group: ThrottleGroup::Light,
    resource: "forwarding-number",
    scope: "forwarding_number",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadUserForwardingFlipNumbers"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/extension/{extensionId}/forwarding-number`: Create Forwarding Number
pub static CREATE_FORWARDING_NUMBER: Operation = Operation {
    id: "createForwardingNumber",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/forwarding-number",
    group: ThrottleGroup::Medium,
    resource: "forwarding-number",
    scope: "forwarding_number",
    permission: Some("EditExtensions"),
    user_permission: Some("EditUserForwardingFlipNumbers"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/extension/{extensionId}/forwarding-number`: Delete Forwarding Numbers
pub static DELETE_FORWARDING_NUMBERS: Operation = Operation {
    id: "deleteForwardingNumbers",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/forwarding-number",
    group: ThrottleGroup::Medium,
    resource: "forwarding-number",
    scope: "forwarding_number",
    permission: Some("EditExtensions"),
    user_permission: Some("EditUserForwardingFlipNumbers"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/forwarding-number/{forwardingNumberId}`: Get Forwarding Number
pub static READ_FORWARDING_NUMBER: Operation = Operation {
    id: "readForwardingNumber",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/forwarding-number/{forwardingNumberId}",
    group: ThrottleGroup::Light,
    resource: "forwarding-number",
    scope: "forwarding_number",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadUserForwardingFlipNumbers"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/forwarding-number/{forwardingNumberId}`: Update Forwarding Number
pub static UPDATE_FORWARDING_NUMBER: Operation = Operation {
    id: "updateForwardingNumber",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/forwarding-number/{forwardingNumberId}",
    group: ThrottleGroup::Medium,
    resource: "forwarding-number",
    scope: "forwarding_number",
    permission: Some("EditExtensions"),
    user_permission: Some("EditUserForwardingFlipNumbers"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/extension/{extensionId}/forwarding-number/{forwardingNumberId}`: Delete Forwarding Number
pub static DELETE_FORWARDING_NUMBER: Operation = Operation {
    id: "deleteForwardingNumber",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/forwarding-number/{forwardingNumberId}",
    group: ThrottleGroup::Medium,
    resource: "forwarding-number",
    scope: "forwarding_number",
    permission: Some("EditExtensions"),
    user_permission: Some("EditUserForwardingFlipNumbers"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/grant`: List Extension Grants
pub static LIST_EXTENSION_GRANTS: Operation = Operation {
    id: "listExtensionGrants",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/grant",
    group: ThrottleGroup::Light,
    resource: "grant",
    scope: "grant",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadExtensionGrant"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/extension/{extensionId}/greeting`: Create Custom User Greeting
pub static CREATE_CUSTOM_USER_GREETING: Operation = Operation {
    id: "createCustomUserGreeting",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/greeting",
    group: ThrottleGroup::Heavy,
    resource: "greeting",
    scope: "greeting",
    permission: Some("EditExtensions"),
    user_permission: Some("EditUserAnsweringRules"),
    request_media: &["multipart/form-data", "multipart/mixed"],
    max_body: Some(20971520),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/greeting/hold-music`: Get Hold Music Greeting
pub static READ_HOLD_MUSIC_GREETING: Operation = Operation {
    id: "readHoldMusicGreeting",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/greeting/hold-music",
    group: ThrottleGroup::Medium,
    resource: "greeting",
    scope: "greeting",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadUserInfo"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/greeting/{greetingId}`: Get Custom Greeting
pub static READ_CUSTOM_GREETING: Operation = Operation {
    id: "readCustomGreeting",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/greeting/{greetingId}",
    group: ThrottleGroup::Medium,
    resource: "greeting",
    scope: "greeting",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadUserInfo"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/greeting/{greetingId}/content`: Get Extension Greeting Media Content
pub static READ_GREETING_CONTENT: Operation = Operation {
    id: "readGreetingContent",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/greeting/{greetingId}/content",
    group: ThrottleGroup::Heavy,
    resource: "greeting",
    scope: "greeting",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: true,
    media_server: true,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store`: List Messages
pub static LIST_MESSAGES: Operation = Operation {
    id: "listMessages",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store",
    group: ThrottleGroup::Light,
    resource: "message-store",
    scope: "message_store",
    permission: Some("ReadMessages"),
    user_permission: Some("ReadMessages"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store`: Delete Conversation
pub static DELETE_MESSAGE_BY_FILTER: Operation = Operation {
    id: "deleteMessageByFilter",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store",
    group: ThrottleGroup::Medium,
    resource: "message-store",
    scope: "message_store",
    permission: Some("EditMessages"),
    user_permission: Some("EditMessages"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store-templates`: List User Message Templates
pub static LIST_USER_MESSAGE_TEMPLATES: Operation = Operation {
    id: "listUserMessageTemplates",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store-templates",
    group: ThrottleGroup::Light,
    resource: "message-store-templates",
    scope: "message_store_templates",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store-templates`: Create User Message Template
pub static CREATE_USER_MESSAGE_TEMPLATE: Operation = Operation {
    id: "createUserMessageTemplate",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store-templates",
    group: ThrottleGroup::Medium,
    resource: "message-store-templates",
    scope: "message_store_templates",
    permission: Some("EditExtensions"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store-templates/{templateId}`: Get User Message Template
pub static READ_USER_MESSAGE_TEMPLATE: Operation = Operation {
    id: "readUserMessageTemplate",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store-templates/{templateId}",
    group: ThrottleGroup::Light,
    resource: "message-store-templates",
    scope: "message_store_templates",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store-templates/{templateId}`: Update User Message Template
pub static UPDATE_USER_MESSAGE_TEMPLATE: Operation = Operation {
    id: "updateUserMessageTemplate",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store-templates/{templateId}",
    group: ThrottleGroup::Medium,
    resource: "message-store-templates",
    scope: "message_store_templates",
    permission: Some("EditExtensions"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store-templates/{templateId}`: Delete User Message Template
pub static DELETE_USER_MESSAGE_TEMPLATE: Operation = Operation {
    id: "deleteUserMessageTemplate",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store-templates/{templateId}",
    group: ThrottleGroup::Medium,
    resource: "message-store-templates",
    scope: "message_store_templates",
    permission: Some("EditExtensions"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store/{messageId}`: Get Message(s)
pub static READ_MESSAGE: Operation = Operation {
    id: "readMessage",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store/{messageId}",
    group: ThrottleGroup::Light,
    resource: "message-store",
    scope: "message_store",
    permission: Some("ReadMessages"),
    user_permission: Some("ReadMessages"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store/{messageId}`: Update Message(s)
pub static UPDATE_MESSAGE: Operation = Operation {
    id: "updateMessage",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store/{messageId}",
    group: ThrottleGroup::Medium,
    resource: "message-store",
    scope: "message_store",
    permission: Some("EditMessages"),
    user_permission: Some("EditMessages"),
    request_media: &["application/json", "application/vnd.ringcentral.multipart+json", "multipart/mixed"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store/{messageId}`: Patch Message(s)
pub static PATCH_MESSAGE: Operation = Operation {
    id: "patchMessage",
    method: Method::PATCH,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store/{messageId}",
    group: ThrottleGroup::Medium,
    resource: "message-store",
    scope: "message_store",
    permission: Some("EditMessages"),
    user_permission: Some("EditMessages"),
    request_media: &["application/json", "application/vnd.ringcentral.multipart+json", "multipart/mixed"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store/{messageId}`: Delete Message
pub static DELETE_MESSAGE: Operation = Operation {
    id: "deleteMessage",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store/{messageId}",
    group: ThrottleGroup::Medium,
    resource: "message-store",
    scope: "message_store",
    permission: Some("EditMessages"),
    user_permission: Some("EditMessages"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store/{messageId}/content/{attachmentId}`: Get Message Attachment Content
pub static READ_MESSAGE_CONTENT: Operation = Operation {
    id: "readMessageContent",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store/{messageId}/content/{attachmentId}",
    group: ThrottleGroup::Medium,
    resource: "message-store",
    scope: "message_store",
    permission: Some("ReadMessages"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: true,
    media_server: true,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/message-sync`: Sync Messages
pub static SYNC_MESSAGES: Operation = Operation {
    id: "syncMessages",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/message-sync",
    group: ThrottleGroup::Light,
    resource: "message-sync",
    scope: "message_sync",
    permission: Some("ReadMessages"),
    user_permission: Some("ReadMessages"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/extension/{extensionId}/mms`: Send MMS
pub static CREATE_MMS: Operation = Operation {
    id: "createMMS",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/mms",
    group: ThrottleGroup::Medium,
    resource: "mms",
    scope: "mms",
    permission: Some("SMS"),
    user_permission: Some("OutboundSMS"),
    request_media: &["multipart/form-data", "multipart/mixed"],
    max_body: Some(10485760),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/notification-settings`: Get Notification Settings
pub static READ_NOTIFICATION_SETTINGS: Operation = Operation {
    id: "readNotificationSettings",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/notification-settings",
    group: ThrottleGroup::Light,
    resource: "notification-settings",
    scope: "notification_settings",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadMessagesNotificationsSettings"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/notification-settings`: Update Notification Settings
pub static UPDATE_NOTIFICATION_SETTINGS: Operation = Operation {
    id: "updateNotificationSettings",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/notification-settings",
    group: ThrottleGroup::Medium,
    resource: "notification-settings",
    scope: "notification_settings",
    permission: Some("EditExtensions"),
    user_permission: Some("EditMessagesNotificationsSettings"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/phone-number`: Get Extension Phone Number List
pub static LIST_EXTENSION_PHONE_NUMBERS: Operation = Operation {
    id: "listExtensionPhoneNumbers",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/phone-number",
    group: ThrottleGroup::Light,
    resource: "phone-numbers",
    scope: "phone_numbers",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadUserPhoneNumbers"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/phone-number/{phoneNumberId}/sms-configuration`: Get SMS Configuration
pub static SMS_CONFIGURATION_INFO: Operation = Operation {
    id: "smsConfigurationInfo",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/phone-number/{phoneNumberId}/sms-configuration",
    group: ThrottleGroup::Light,
    resource: "phone-numbers",
    scope: "phone_numbers",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/presence`: Get User Presence Status
pub static READ_USER_PRESENCE_STATUS: Operation = Operation {
    id: "readUserPresenceStatus",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/presence",
    group: ThrottleGroup::Light,
    resource: "presence",
    scope: "presence",
    permission: Some("ReadPresence"),
    user_permission: Some("ReadPresenceStatus"),
    request_media: &[],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/presence`: Update User Presence Status
pub static UPDATE_USER_PRESENCE_STATUS: Operation = Operation {
    id: "updateUserPresenceStatus",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/presence",
    group: ThrottleGroup::Medium,
    resource: "presence",
    scope: "presence",
    permission: Some("EditPresence"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/profile-image`: Get User Profile Image
pub static READ_USER_PROFILE_IMAGE_LEGACY: Operation = Operation {
    id: "readUserProfileImageLegacy",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/profile-image",
    group: ThrottleGroup::Medium,
    resource: "profile-image",
    scope: "profile_image",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadExtensions"),
    request_media: &[],
    max_body: None,
    binary_answer: true,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/extension/{extensionId}/profile-image`: Upload User Profile Image
pub static CREATE_USER_PROFILE_IMAGE: Operation = Operation {
    id: "createUserProfileImage",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/profile-image",
    group: ThrottleGroup::Heavy,
    resource: "profile-image",
    scope: "profile_image",
    permission: Some("EditExtensions"),
    user_permission: Some("EditUserInfo"),
    request_media: &["multipart/form-data"],
    max_body: Some(10485760),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/extension/{extensionId}/profile-image`: Update User Profile Image
pub static UPDATE_USER_PROFILE_IMAGE: Operation = Operation {
    id: "updateUserProfileImage",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/profile-image",
    group: ThrottleGroup::Heavy,
    resource: "profile-image",
    scope: "profile_image",
    permission: Some("EditExtensions"),
    user_permission: Some("EditUserInfo"),
    request_media: &["multipart/form-data"],
    max_body: Some(10485760),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/extension/{extensionId}/profile-image`: Delete User Profile Image
pub static DELETE_USER_PROFILE_IMAGE: Operation = Operation {
    id: "deleteUserProfileImage",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/profile-image",
    group: ThrottleGroup::Medium,
    resource: "profile-image",
    scope: "profile_image",
    permission: Some("EditExtensions"),
    user_permission: Some("EditUserInfo"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/profile-image/{scaleSize}`: Get Scaled Profile Image
pub static READ_SCALED_PROFILE_IMAGE: Operation = Operation {
    id: "readScaledProfileImage",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/profile-image/{scaleSize}",
    group: ThrottleGroup::Medium,
    resource: "profile-image",
    scope: "profile_image",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: true,
    media_server: true,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/extension/{extensionId}/ring-out`: Make RingOut Call
pub static CREATE_RING_OUT_CALL: Operation = Operation {
    id: "createRingOutCall",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/ring-out",
    group: ThrottleGroup::Heavy,
    resource: "ring-out",
    scope: "ring_out",
    permission: Some("RingOut"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/ring-out/{ringoutId}`: Get RingOut Call Status
pub static READ_RING_OUT_CALL_STATUS: Operation = Operation {
    id: "readRingOutCallStatus",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/ring-out/{ringoutId}",
    group: ThrottleGroup::Light,
    resource: "ring-out",
    scope: "ring_out",
    permission: Some("RingOut"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/extension/{extensionId}/ring-out/{ringoutId}`: Cancel RingOut Call
pub static DELETE_RING_OUT_CALL: Operation = Operation {
    id: "deleteRingOutCall",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/ring-out/{ringoutId}",
    group: ThrottleGroup::Heavy,
    resource: "ring-out",
    scope: "ring_out",
    permission: Some("RingOut"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/extension/{extensionId}/sms`: Send SMS
pub static CREATE_SMS_MESSAGE: Operation = Operation {
    id: "createSMSMessage",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/sms",
    group: ThrottleGroup::Medium,
    resource: "sms",
    scope: "sms",
    permission: Some("SMS"),
    user_permission: Some("OutboundSMS"),
    request_media: &["application/json", "multipart/form-data", "multipart/mixed"],
    max_body: Some(10485760),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/sms-recipients`: List SMS Recipients
pub static GET_SMS_RECIPIENTS: Operation = Operation {
    id: "getSmsRecipients",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/sms-recipients",
    group: ThrottleGroup::Light,
    resource: "sms-recipients",
    scope: "sms_recipients",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/extension/{extensionId}/sms-recipients/bulk-assign`: Assign SMS Recipients in Bulk
pub static BULK_ASSIGN_SMS_RECIPIENTS: Operation = Operation {
    id: "bulkAssignSmsRecipients",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/sms-recipients/bulk-assign",
    group: ThrottleGroup::Medium,
    resource: "sms-recipients",
    scope: "sms_recipients",
    permission: Some("EditExtensions"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/unified-presence`: Get Unified Presence
pub static READ_UNIFIED_PRESENCE: Operation = Operation {
    id: "readUnifiedPresence",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/unified-presence",
    group: ThrottleGroup::Medium,
    resource: "unified-presence",
    scope: "unified_presence",
    permission: Some("ReadPresence"),
    user_permission: Some("ReadPresenceStatus"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /restapi/v1.0/account/{accountId}/extension/{extensionId}/unified-presence`: Update Unified Presence
pub static UPDATE_UNIFIED_PRESENCE: Operation = Operation {
    id: "updateUnifiedPresence",
    method: Method::PATCH,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/unified-presence",
    group: ThrottleGroup::Medium,
    resource: "unified-presence",
    scope: "unified_presence",
    permission: Some("EditPresence"),
    user_permission: Some("EditPresenceStatus"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/video-configuration`: Get User Video Configuration
pub static READ_USER_VIDEO_CONFIGURATION: Operation = Operation {
    id: "readUserVideoConfiguration",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/video-configuration",
    group: ThrottleGroup::Light,
    resource: "video-configuration",
    scope: "video_configuration",
    permission: Some("ReadAccounts"),
    user_permission: Some("Meetings"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/webapp-devices`: List User Web Phone Devices
pub static LIST_WEB_APP_DEVICES: Operation = Operation {
    id: "listWebAppDevices",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/extension/{extensionId}/webapp-devices",
    group: ThrottleGroup::Medium,
    resource: "webapp-devices",
    scope: "webapp_devices",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/forward-all-calls`: Get Forward All Company Calls
pub static GET_FORWARD_ALL_COMPANY_CALLS: Operation = Operation {
    id: "getForwardAllCompanyCalls",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/forward-all-calls",
    group: ThrottleGroup::Light,
    resource: "forward-all-calls",
    scope: "forward_all_calls",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyAnsweringRules"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /restapi/v1.0/account/{accountId}/forward-all-calls`: Update Forward All Company Calls
pub static UPDATE_FORWARD_ALL_COMPANY_CALLS: Operation = Operation {
    id: "updateForwardAllCompanyCalls",
    method: Method::PATCH,
    path: "/restapi/v1.0/account/{accountId}/forward-all-calls",
    group: ThrottleGroup::Medium,
    resource: "forward-all-calls",
    scope: "forward_all_calls",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCompanyAnsweringRules"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/greeting`: Create Company Greeting
pub static CREATE_COMPANY_GREETING: Operation = Operation {
    id: "createCompanyGreeting",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/greeting",
    group: ThrottleGroup::Medium,
    resource: "greeting",
    scope: "greeting",
    permission: Some("EditAccounts"),
    user_permission: Some("ReadUserInfo"),
    request_media: &["multipart/form-data", "multipart/mixed"],
    max_body: Some(20971520),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/greeting/{greetingId}/content`: Get Account Greeting Media Content
pub static READ_ACCOUNT_GREETING_CONTENT: Operation = Operation {
    id: "readAccountGreetingContent",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/greeting/{greetingId}/content",
    group: ThrottleGroup::Heavy,
    resource: "greeting",
    scope: "greeting",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: true,
    media_server: true,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/ivr-menus`: List IVR Menus
pub static READ_IVR_MENU_LIST: Operation = Operation {
    id: "readIvrMenuList",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/ivr-menus",
    group: ThrottleGroup::Medium,
    resource: "ivr-menus",
    scope: "ivr_menus",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/ivr-menus`: Create IVR Menu
pub static CREATE_IVR_MENU: Operation = Operation {
    id: "createIVRMenu",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/ivr-menus",
    group: ThrottleGroup::Heavy,
    resource: "ivr-menus",
    scope: "ivr_menus",
    permission: Some("EditAccounts"),
    user_permission: Some("AutoReceptionist"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/ivr-menus/{ivrMenuId}`: Get IVR Menu
pub static READ_IVR_MENU: Operation = Operation {
    id: "readIVRMenu",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/ivr-menus/{ivrMenuId}",
    group: ThrottleGroup::Medium,
    resource: "ivr-menus",
    scope: "ivr_menus",
    permission: Some("ReadAccounts"),
    user_permission: Some("AutoReceptionist"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/ivr-menus/{ivrMenuId}`: Update IVR Menu
pub static UPDATE_IVR_MENU: Operation = Operation {
    id: "updateIVRMenu",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/ivr-menus/{ivrMenuId}",
    group: ThrottleGroup::Medium,
    resource: "ivr-menus",
    scope: "ivr_menus",
    permission: Some("ReadAccounts"),
    user_permission: Some("AutoReceptionist"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/ivr-prompts`: List IVR Prompts
pub static LIST_IVR_PROMPTS: Operation = Operation {
    id: "listIvrPrompts",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/ivr-prompts",
    group: ThrottleGroup::Medium,
    resource: "ivr-prompts",
    scope: "ivr_prompts",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyGreetings"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/ivr-prompts`: Create IVR Prompts
pub static CREATE_IVR_PROMPT: Operation = Operation {
    id: "createIVRPrompt",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/ivr-prompts",
    group: ThrottleGroup::Heavy,
    resource: "ivr-prompts",
    scope: "ivr_prompts",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCompanyGreetings"),
    request_media: &["multipart/form-data"],
    max_body: Some(20971520),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/ivr-prompts/{promptId}`: Get IVR Prompt
pub static READ_IVR_PROMPT: Operation = Operation {
    id: "readIVRPrompt",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/ivr-prompts/{promptId}",
    group: ThrottleGroup::Medium,
    resource: "ivr-prompts",
    scope: "ivr_prompts",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyGreetings"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/ivr-prompts/{promptId}`: Update IVR Prompt
pub static UPDATE_IVR_PROMPT: Operation = Operation {
    id: "updateIVRPrompt",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/ivr-prompts/{promptId}",
    group: ThrottleGroup::Medium,
    resource: "ivr-prompts",
    scope: "ivr_prompts",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCompanyGreetings"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/ivr-prompts/{promptId}`: Delete IVR Prompt
pub static DELETE_IVR_PROMPT: Operation = Operation {
    id: "deleteIVRPrompt",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/ivr-prompts/{promptId}",
    group: ThrottleGroup::Heavy,
    resource: "ivr-prompts",
    scope: "ivr_prompts",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCompanyGreetings"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/ivr-prompts/{promptId}/content`: Get IVR Prompt Content
pub static READ_IVR_PROMPT_CONTENT: Operation = Operation {
    id: "readIVRPromptContent",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/ivr-prompts/{promptId}/content",
    group: ThrottleGroup::Heavy,
    resource: "ivr-prompts",
    scope: "ivr_prompts",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: true,
    media_server: true,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/message-store-configuration`: Get Message Store Configuration
pub static READ_MESSAGE_STORE_CONFIGURATION: Operation = Operation {
    id: "readMessageStoreConfiguration",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/message-store-configuration",
    group: ThrottleGroup::Light,
    resource: "message-store-configuration",
    scope: "message_store_configuration",
    permission: Some("EditAccounts"),
    user_permission: Some("AccountAdministration"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/message-store-configuration`: Update Message Store Configuration
pub static UPDATE_MESSAGE_STORE_CONFIGURATION: Operation = Operation {
    id: "updateMessageStoreConfiguration",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/message-store-configuration",
    group: ThrottleGroup::Light,
    resource: "message-store-configuration",
    scope: "message_store_configuration",
    permission: Some("EditAccounts"),
    user_permission: Some("AccountAdministration"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/message-store-report`: Create Message Store Report
pub static CREATE_MESSAGE_STORE_REPORT: Operation = Operation {
    id: "createMessageStoreReport",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/message-store-report",
    group: ThrottleGroup::Heavy,
    resource: "message-store-report",
    scope: "message_store_report",
    permission: Some("ReadMessages"),
    user_permission: Some("Users"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/message-store-report/{taskId}`: Get Message Store Report Task
pub static READ_MESSAGE_STORE_REPORT_TASK: Operation = Operation {
    id: "readMessageStoreReportTask",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/message-store-report/{taskId}",
    group: ThrottleGroup::Heavy,
    resource: "message-store-report",
    scope: "message_store_report",
    permission: Some("ReadMessages"),
    user_permission: Some("Users"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/message-store-report/{taskId}/archive`: Get Message Store Report Archive
pub static READ_MESSAGE_STORE_REPORT_ARCHIVE: Operation = Operation {
    id: "readMessageStoreReportArchive",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/message-store-report/{taskId}/archive",
    group: ThrottleGroup::Heavy,
    resource: "message-store-report",
    scope: "message_store_report",
    permission: Some("ReadMessages"),
    user_permission: Some("Users"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/message-store-templates`: List Company Message Templates
pub static LIST_COMPANY_MESSAGE_TEMPLATES: Operation = Operation {
    id: "listCompanyMessageTemplates",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/message-store-templates",
    group: ThrottleGroup::Light,
    resource: "message-store-templates",
    scope: "message_store_templates",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/message-store-templates`: Create Company Message Template
pub static CREATE_COMPANY_MESSAGE_TEMPLATE: Operation = Operation {
    id: "createCompanyMessageTemplate",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/message-store-templates",
    group: ThrottleGroup::Medium,
    resource: "message-store-templates",
    scope: "message_store_templates",
    permission: Some("EditAccounts"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/message-store-templates/{templateId}`: Get Company Message Template
pub static READ_COMPANY_MESSAGE_TEMPLATE: Operation = Operation {
    id: "readCompanyMessageTemplate",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/message-store-templates/{templateId}",
    group: ThrottleGroup::Light,
    resource: "message-store-templates",
    scope: "message_store_templates",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/message-store-templates/{templateId}`: Update Company Message Template
pub static UPDATE_COMPANY_MESSAGE_TEMPLATE: Operation = Operation {
    id: "updateCompanyMessageTemplate",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/message-store-templates/{templateId}",
    group: ThrottleGroup::Medium,
    resource: "message-store-templates",
    scope: "message_store_templates",
    permission: Some("EditAccounts"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/message-store-templates/{templateId}`: Delete Company Message Template
pub static DELETE_COMPANY_MESSAGE_TEMPLATE: Operation = Operation {
    id: "deleteCompanyMessageTemplate",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/message-store-templates/{templateId}",
    group: ThrottleGroup::Medium,
    resource: "message-store-templates",
    scope: "message_store_templates",
    permission: Some("EditAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/message-threads`: List Message Threads
pub static MTH_LIST_THREADS: Operation = Operation {
    id: "mthListThreads",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/message-threads",
    group: ThrottleGroup::Medium,
    resource: "message-threads",
    scope: "message_threads",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/message-threads/entries/sync`: Sync Thread Entries
pub static MTH_SYNC_ENTRIES: Operation = Operation {
    id: "mthSyncEntries",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/message-threads/entries/sync",
    group: ThrottleGroup::Medium,
    resource: "message-threads",
    scope: "message_threads",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/message-threads/messages`: List Messages
pub static MTH_LIST_MESSAGES: Operation = Operation {
    id: "mthListMessages",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/message-threads/messages",
    group: ThrottleGroup::Medium,
    resource: "message-threads",
    scope: "message_threads",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &[],
    max_body: Some(10485760),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/message-threads/messages`: Create and Send New Message
pub static MTH_SEND_MESSAGE: Operation = Operation {
    id: "mthSendMessage",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/message-threads/messages",
    group: ThrottleGroup::Medium,
    resource: "message-threads",
    scope: "message_threads",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &["application/json", "multipart/form-data"],
    max_body: Some(10485760),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/message-threads/messages`: Delete Messages
pub static MTH_DELETE_MESSAGES: Operation = Operation {
    id: "mthDeleteMessages",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/message-threads/messages",
    group: ThrottleGroup::Medium,
    resource: "message-threads",
    scope: "message_threads",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: Some(10485760),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/message-threads/messages/{messageId}/content/{attachmentId}`: Get Rich Message Attachment
pub static MTH_READ_MESSAGE_CONTENT: Operation = Operation {
    id: "mthReadMessageContent",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/message-threads/messages/{messageId}/content/{attachmentId}",
    group: ThrottleGroup::Medium,
    resource: "message-threads",
    scope: "message_threads",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: true,
    media_server: true,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/message-threads/notes`: List Notes
pub static MTH_LIST_NOTES: Operation = Operation {
    id: "mthListNotes",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/message-threads/notes",
    group: ThrottleGroup::Medium,
    resource: "message-threads",
    scope: "message_threads",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/message-threads/notes`: Create New Note
pub static MTH_CREATE_NOTE: Operation = Operation {
    id: "mthCreateNote",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/message-threads/notes",
    group: ThrottleGroup::Medium,
    resource: "message-threads",
    scope: "message_threads",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/message-threads/notes`: Delete Notes
pub static MTH_DELETE_NOTES: Operation = Operation {
    id: "mthDeleteNotes",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/message-threads/notes",
    group: ThrottleGroup::Medium,
    resource: "message-threads",
    scope: "message_threads",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /restapi/v1.0/account/{accountId}/message-threads/notes/{noteId}`: Update Note
pub static MTH_UPDATE_NOTE: Operation = Operation {
    id: "mthUpdateNote",
    method: Method::PATCH,
    path: "/restapi/v1.0/account/{accountId}/message-threads/notes/{noteId}",
    group: ThrottleGroup::Medium,
    resource: "message-threads",
    scope: "message_threads",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/message-threads/sync`: Sync Message Threads
pub static MTH_SYNC_THREADS: Operation = Operation {
    id: "mthSyncThreads",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/message-threads/sync",
    group: ThrottleGroup::Medium,
    resource: "message-threads",
    scope: "message_threads",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/message-threads/{threadId}`: Get Message Thread
pub static MTH_GET_THREAD: Operation = Operation {
    id: "mthGetThread",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/message-threads/{threadId}",
    group: ThrottleGroup::Medium,
    resource: "message-threads",
    scope: "message_threads",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/message-threads/{threadId}`: Delete Message Thread
pub static MTH_DELETE_THREAD: Operation = Operation {
    id: "mthDeleteThread",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/message-threads/{threadId}",
    group: ThrottleGroup::Medium,
    resource: "message-threads",
    scope: "message_threads",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/message-threads/{threadId}/assign`: Assign Message Thread
pub static MTH_ASSIGN_THREAD: Operation = Operation {
    id: "mthAssignThread",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/message-threads/{threadId}/assign",
    group: ThrottleGroup::Medium,
    resource: "message-threads",
    scope: "message_threads",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/message-threads/{threadId}/resolve`: Resolve Message Thread
pub static MTH_RESOLVE_THREAD: Operation = Operation {
    id: "mthResolveThread",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/message-threads/{threadId}/resolve",
    group: ThrottleGroup::Medium,
    resource: "message-threads",
    scope: "message_threads",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/ms-teams/direct-routing/users`: List Direct Routing Users
pub static LIST_TEAMS_USERS: Operation = Operation {
    id: "listTeamsUsers",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/ms-teams/direct-routing/users",
    group: ThrottleGroup::Medium,
    resource: "ms-teams",
    scope: "ms_teams",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/ms-teams/direct-routing/users`: Connect Direct Routing Users
pub static CONNECT_TEAMS_USERS: Operation = Operation {
    id: "connectTeamsUsers",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/ms-teams/direct-routing/users",
    group: ThrottleGroup::Medium,
    resource: "ms-teams",
    scope: "ms_teams",
    permission: Some("EditAccounts"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/ms-teams/direct-routing/users`: Disconnect Direct Routing Users
pub static DISCONNECT_TEAMS_USERS: Operation = Operation {
    id: "disconnectTeamsUsers",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/ms-teams/direct-routing/users",
    group: ThrottleGroup::Medium,
    resource: "ms-teams",
    scope: "ms_teams",
    permission: Some("EditAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/paging-only-groups/{pagingOnlyGroupId}/bulk-assign`: Assign Paging Group Users and Devices
pub static ASSIGN_MULTIPLE_PAGING_GROUP_USERS_DEVICES: Operation = Operation {
    id: "assignMultiplePagingGroupUsersDevices",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/paging-only-groups/{pagingOnlyGroupId}/bulk-assign",
    group: ThrottleGroup::Heavy,
    resource: "paging-only-groups",
    scope: "paging_only_groups",
    permission: Some("EditAccounts"),
    user_permission: Some("Groups"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/paging-only-groups/{pagingOnlyGroupId}/devices`: Get Paging Group Devices
pub static LIST_PAGING_GROUP_DEVICES: Operation = Operation {
    id: "listPagingGroupDevices",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/paging-only-groups/{pagingOnlyGroupId}/devices",
    group: ThrottleGroup::Light,
    resource: "paging-only-groups",
    scope: "paging_only_groups",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyDevices"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/paging-only-groups/{pagingOnlyGroupId}/users`: Get Paging Group Users
pub static LIST_PAGING_GROUP_USERS: Operation = Operation {
    id: "listPagingGroupUsers",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/paging-only-groups/{pagingOnlyGroupId}/users",
    group: ThrottleGroup::Light,
    resource: "paging-only-groups",
    scope: "paging_only_groups",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadUserInfo"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/phone-number`: List Company Phone Numbers
pub static LIST_ACCOUNT_PHONE_NUMBERS: Operation = Operation {
    id: "listAccountPhoneNumbers",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/phone-number",
    group: ThrottleGroup::Heavy,
    resource: "phone-numbers",
    scope: "phone_numbers",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyPhoneNumbers"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/phone-number/{phoneNumberId}`: Get Phone Number
pub static READ_ACCOUNT_PHONE_NUMBER: Operation = Operation {
    id: "readAccountPhoneNumber",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/phone-number/{phoneNumberId}",
    group: ThrottleGroup::Light,
    resource: "phone-numbers",
    scope: "phone_numbers",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyPhoneNumbers"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/presence`: Get Account Presence
pub static READ_ACCOUNT_PRESENCE: Operation = Operation {
    id: "readAccountPresence",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/presence",
    group: ThrottleGroup::Heavy,
    resource: "presence",
    scope: "presence",
    permission: Some("ReadPresence"),
    user_permission: Some("ReadPresenceStatus"),
    request_media: &[],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/recording/{recordingId}`: Get Call Recording
pub static READ_CALL_RECORDING: Operation = Operation {
    id: "readCallRecording",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/recording/{recordingId}",
    group: ThrottleGroup::Heavy,
    resource: "recording",
    scope: "recording",
    permission: Some("ReadCallRecording"),
    user_permission: Some("ReadCallRecording"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/recording/{recordingId}/content`: Get Call Recording Content
pub static READ_CALL_RECORDING_CONTENT: Operation = Operation {
    id: "readCallRecordingContent",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/recording/{recordingId}/content",
    group: ThrottleGroup::Heavy,
    resource: "recording",
    scope: "recording",
    permission: Some("ReadCallRecording"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: true,
    media_server: true,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/service-info`: Get Account Service Info
pub static READ_ACCOUNT_SERVICE_INFO: Operation = Operation {
    id: "readAccountServiceInfo",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/service-info",
    group: ThrottleGroup::Light,
    resource: "service-info",
    scope: "service_info",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyInfo"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/sites`: List Sites
pub static LIST_SITES: Operation = Operation {
    id: "listSites",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/sites",
    group: ThrottleGroup::Light,
    resource: "sites",
    scope: "sites",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadExtensions"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/sites`: Create Site
pub static CREATE_SITE: Operation = Operation {
    id: "createSite",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/sites",
    group: ThrottleGroup::Medium,
    resource: "sites",
    scope: "sites",
    permission: Some("EditAccounts"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/sites/{siteId}`: Get Site
pub static READ_SITE: Operation = Operation {
    id: "readSite",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/sites/{siteId}",
    group: ThrottleGroup::Light,
    resource: "sites",
    scope: "sites",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadExtensions"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/sites/{siteId}`: Update Site
pub static UPDATE_SITE: Operation = Operation {
    id: "updateSite",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/sites/{siteId}",
    group: ThrottleGroup::Light,
    resource: "sites",
    scope: "sites",
    permission: Some("EditExtensions"),
    user_permission: Some("Sites"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/sites/{siteId}`: Delete Site
pub static DELETE_SITE: Operation = Operation {
    id: "deleteSite",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/sites/{siteId}",
    group: ThrottleGroup::Light,
    resource: "sites",
    scope: "sites",
    permission: Some("EditAccounts"),
    user_permission: Some("Sites"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/sites/{siteId}/bulk-assign`: Edit Sites
pub static ASSIGN_MULTIPLE_SITES: Operation = Operation {
    id: "assignMultipleSites",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/sites/{siteId}/bulk-assign",
    group: ThrottleGroup::Medium,
    resource: "sites",
    scope: "sites",
    permission: Some("EditExtensions"),
    user_permission: Some("Sites"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/sites/{siteId}/ivr`: Get Site IVR Settings
pub static READ_SITE_IVR_SETTINGS: Operation = Operation {
    id: "readSiteIvrSettings",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/sites/{siteId}/ivr",
    group: ThrottleGroup::Medium,
    resource: "sites",
    scope: "sites",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadExtensions"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/sites/{siteId}/ivr`: Update Site IVR Settings
pub static UPDATE_SITE_IVR_SETTINGS: Operation = Operation {
    id: "updateSiteIvrSettings",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/sites/{siteId}/ivr",
    group: ThrottleGroup::Medium,
    resource: "sites",
    scope: "sites",
    permission: Some("EditAccounts"),
    user_permission: Some("Sites"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/sites/{siteId}/members`: List Site Members
pub static LIST_SITE_MEMBERS: Operation = Operation {
    id: "listSiteMembers",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/sites/{siteId}/members",
    group: ThrottleGroup::Medium,
    resource: "sites",
    scope: "sites",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadExtensions"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/sms-registration-brands`: List TCR Brands
pub static LIST_ALL_TCR_BRANDS: Operation = Operation {
    id: "listAllTcrBrands",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/sms-registration-brands",
    group: ThrottleGroup::Light,
    resource: "sms-registration-brands",
    scope: "sms_registration_brands",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/sms-registration-brands/{tcrBrandId}`: Get TCR Brand
pub static FIND_TCR_BRAND_BY_ID: Operation = Operation {
    id: "findTcrBrandById",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/sms-registration-brands/{tcrBrandId}",
    group: ThrottleGroup::Light,
    resource: "sms-registration-brands",
    scope: "sms_registration_brands",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadSMSRegistration"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/sms-registration-brands/{tcrBrandId}/campaigns`: List TCR Campaigns
pub static LIST_ALL_TCR_CAMPAIGNS: Operation = Operation {
    id: "listAllTcrCampaigns",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/sms-registration-brands/{tcrBrandId}/campaigns",
    group: ThrottleGroup::Light,
    resource: "sms-registration-brands",
    scope: "sms_registration_brands",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadSMSRegistration"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/sms-registration-brands/{tcrBrandId}/campaigns/{tcrCampaignId}`: Get TCR Campaign
pub static FIND_TCR_CAMPAIGN_BY_ID: Operation = Operation {
    id: "findTcrCampaignById",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/sms-registration-brands/{tcrBrandId}/campaigns/{tcrCampaignId}",
    group: ThrottleGroup::Light,
    resource: "sms-registration-brands",
    scope: "sms_registration_brands",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadSMSRegistration"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/sms-registration-brands/{tcrBrandId}/campaigns/{tcrCampaignId}/submit-phone-numbers`: Link Phone Number to TCR Campaign
pub static LINK_NUMBERS: Operation = Operation {
    id: "linkNumbers",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/sms-registration-brands/{tcrBrandId}/campaigns/{tcrCampaignId}/submit-phone-numbers",
    group: ThrottleGroup::Light,
    resource: "sms-registration-brands",
    scope: "sms_registration_brands",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCompanyPhoneNumbers"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/telephony/call-out`: Make CallOut
pub static CREATE_CALL_OUT_CALL_SESSION: Operation = Operation {
    id: "createCallOutCallSession",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/telephony/call-out",
    group: ThrottleGroup::Heavy,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/telephony/conference`: Start Conference Call Session
pub static CREATE_CONFERENCE_CALL_SESSION: Operation = Operation {
    id: "createConferenceCallSession",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/telephony/conference",
    group: ThrottleGroup::Heavy,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}`: Get Call Session Status
pub static READ_CALL_SESSION_STATUS: Operation = Operation {
    id: "readCallSessionStatus",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}`: End Call Session
pub static DELETE_CALL_SESSION: Operation = Operation {
    id: "deleteCallSession",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/bring-in`: Bring-In Call Party
pub static CREATE_CALL_PARTY_WITH_BRING_IN: Operation = Operation {
    id: "createCallPartyWithBringIn",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/bring-in",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}`: Get Call Party Status
pub static READ_CALL_PARTY_STATUS: Operation = Operation {
    id: "readCallPartyStatus",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}`: Update Call Party
pub static UPDATE_CALL_PARTY: Operation = Operation {
    id: "updateCallParty",
    method: Method::PATCH,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}`: Delete Call Party
pub static DELETE_CALL_PARTY: Operation = Operation {
    id: "deleteCallParty",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/answer`: Answer Call Party
pub static ANSWER_CALL_PARTY: Operation = Operation {
    id: "answerCallParty",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/answer",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/bridge`: Bridge Call Party
pub static BRIDGE_CALL_PARTY: Operation = Operation {
    id: "bridgeCallParty",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/bridge",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/flip`: Call Flip on Party
pub static CALL_FLIP_PARTY: Operation = Operation {
    id: "callFlipParty",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/flip",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/forward`: Forward Call Party
pub static FORWARD_CALL_PARTY: Operation = Operation {
    id: "forwardCallParty",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/forward",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/hold`: Hold Call Party
pub static HOLD_CALL_PARTY: Operation = Operation {
    id: "holdCallParty",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/hold",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/ignore`: Ignore Call in Queue
pub static IGNORE_CALL_IN_QUEUE: Operation = Operation {
    id: "ignoreCallInQueue",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/ignore",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/park`: Call Park
pub static CALL_PARK_PARTY: Operation = Operation {
    id: "callParkParty",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/park",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/pickup`: Pickup Call
pub static PICKUP_CALL_PARTY: Operation = Operation {
    id: "pickupCallParty",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/pickup",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/recordings`: Create Recording
pub static START_CALL_RECORDING: Operation = Operation {
    id: "startCallRecording",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/recordings",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/recordings/{recordingId}`: Pause/Resume Recording
pub static PAUSE_RESUME_CALL_RECORDING: Operation = Operation {
    id: "pauseResumeCallRecording",
    method: Method::PATCH,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/recordings/{recordingId}",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/reject`: Reject Call Party
pub static REJECT_PARTY: Operation = Operation {
    id: "rejectParty",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/reject",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/reply`: Reply with Text
pub static REPLY_PARTY: Operation = Operation {
    id: "replyParty",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/reply",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/supervise`: Supervise Call Party
pub static SUPERVISE_CALL_PARTY: Operation = Operation {
    id: "superviseCallParty",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/supervise",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/transfer`: Transfer Call Party
pub static TRANSFER_CALL_PARTY: Operation = Operation {
    id: "transferCallParty",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/transfer",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/unhold`: Un-hold Call Party
pub static UNHOLD_CALL_PARTY: Operation = Operation {
    id: "unholdCallParty",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/unhold",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/supervise`: Supervise Call Session
pub static SUPERVISE_CALL_SESSION: Operation = Operation {
    id: "superviseCallSession",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/supervise",
    group: ThrottleGroup::Light,
    resource: "telephony",
    scope: "telephony",
    permission: Some("CallControl"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/templates`: List User Templates
pub static LIST_USER_TEMPLATES: Operation = Operation {
    id: "listUserTemplates",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/templates",
    group: ThrottleGroup::Medium,
    resource: "templates",
    scope: "templates",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyInfo"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/templates/{templateId}`: Get User Template
pub static READ_USER_TEMPLATE: Operation = Operation {
    id: "readUserTemplate",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/templates/{templateId}",
    group: ThrottleGroup::Light,
    resource: "templates",
    scope: "templates",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyInfo"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/user-role`: List Company User Roles
pub static LIST_USER_ROLES: Operation = Operation {
    id: "listUserRoles",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/user-role",
    group: ThrottleGroup::Medium,
    resource: "user-role",
    scope: "user_role",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadUserRoles"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/user-role`: Create Custom Role
pub static CREATE_CUSTOM_ROLE: Operation = Operation {
    id: "createCustomRole",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/user-role",
    group: ThrottleGroup::Medium,
    resource: "user-role",
    scope: "user_role",
    permission: Some("RoleManagement"),
    user_permission: Some("EditUserRoles"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/user-role/default`: Get Default User Role
pub static READ_DEFAULT_ROLE: Operation = Operation {
    id: "readDefaultRole",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/user-role/default",
    group: ThrottleGroup::Light,
    resource: "user-role",
    scope: "user_role",
    permission: Some("RoleManagement"),
    user_permission: Some("Roles"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/user-role/default`: Set Default User Role
pub static UPDATE_DEFAULT_USER_ROLE: Operation = Operation {
    id: "updateDefaultUserRole",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/user-role/default",
    group: ThrottleGroup::Medium,
    resource: "user-role",
    scope: "user_role",
    permission: Some("RoleManagement"),
    user_permission: Some("Roles"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/account/{accountId}/user-role/{roleId}`: Get User Role
pub static READ_USER_ROLE: Operation = Operation {
    id: "readUserRole",
    method: Method::GET,
    path: "/restapi/v1.0/account/{accountId}/user-role/{roleId}",
    group: ThrottleGroup::Light,
    resource: "user-role",
    scope: "user_role",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadUserRoles"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/account/{accountId}/user-role/{roleId}`: Update User Role
pub static UPDATE_USER_ROLE: Operation = Operation {
    id: "updateUserRole",
    method: Method::PUT,
    path: "/restapi/v1.0/account/{accountId}/user-role/{roleId}",
    group: ThrottleGroup::Medium,
    resource: "user-role",
    scope: "user_role",
    permission: Some("RoleManagement"),
    user_permission: Some("EditUserRoles"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/account/{accountId}/user-role/{roleId}`: Delete Custom Role
pub static DELETE_CUSTOM_ROLE: Operation = Operation {
    id: "deleteCustomRole",
    method: Method::DELETE,
    path: "/restapi/v1.0/account/{accountId}/user-role/{roleId}",
    group: ThrottleGroup::Medium,
    resource: "user-role",
    scope: "user_role",
    permission: Some("RoleManagement"),
    user_permission: Some("EditUserRoles"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/account/{accountId}/user-role/{roleId}/bulk-assign`: Assign Multiple User Roles
pub static ASSIGN_MULTIPLE_USER_ROLES: Operation = Operation {
    id: "assignMultipleUserRoles",
    method: Method::POST,
    path: "/restapi/v1.0/account/{accountId}/user-role/{roleId}/bulk-assign",
    group: ThrottleGroup::Heavy,
    resource: "user-role",
    scope: "user_role",
    permission: Some("RoleManagement"),
    user_permission: Some("EditUserRoles"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/client-info/sip-provision`: Register Device
pub static CREATE_SIP_REGISTRATION: Operation = Operation {
    id: "createSIPRegistration",
    method: Method::POST,
    path: "/restapi/v1.0/client-info/sip-provision",
    group: ThrottleGroup::Heavy,
    resource: "client-info",
    scope: "client_info",
    permission: Some("VoipCalling"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/brand/{brandId}/contracted-country`: List Contracted Countries
pub static LIST_CONTRACTED_COUNTRIES: Operation = Operation {
    id: "listContractedCountries",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/brand/{brandId}/contracted-country",
    group: ThrottleGroup::Light,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/brand/{brandId}/contracted-country/{contractedCountryId}`: List Domestic Countries
pub static LIST_DOMESTIC_COUNTRIES: Operation = Operation {
    id: "listDomesticCountries",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/brand/{brandId}/contracted-country/{contractedCountryId}",
    group: ThrottleGroup::Light,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/country`: List Countries
pub static LIST_COUNTRIES: Operation = Operation {
    id: "listCountries",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/country",
    group: ThrottleGroup::Light,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/country/{countryId}`: Get Country
pub static READ_COUNTRY: Operation = Operation {
    id: "readCountry",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/country/{countryId}",
    group: ThrottleGroup::Light,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/fax-cover-page`: List Fax Cover Pages
pub static LIST_FAX_COVER_PAGES: Operation = Operation {
    id: "listFaxCoverPages",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/fax-cover-page",
    group: ThrottleGroup::Light,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/greeting`: List Standard Greetings
pub static LIST_STANDARD_GREETINGS: Operation = Operation {
    id: "listStandardGreetings",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/greeting",
    group: ThrottleGroup::Medium,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/greeting/{greetingId}`: Get Standard Greeting
pub static READ_STANDARD_GREETING: Operation = Operation {
    id: "readStandardGreeting",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/greeting/{greetingId}",
    group: ThrottleGroup::Medium,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/language`: List Languages
pub static LIST_LANGUAGES: Operation = Operation {
    id: "listLanguages",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/language",
    group: ThrottleGroup::Light,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/language/{languageId}`: Get Language
pub static READ_LANGUAGE: Operation = Operation {
    id: "readLanguage",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/language/{languageId}",
    group: ThrottleGroup::Light,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/location`: List Locations
pub static LIST_LOCATIONS: Operation = Operation {
    id: "listLocations",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/location",
    group: ThrottleGroup::Light,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/permission`: List Permissions
pub static LIST_PERMISSIONS: Operation = Operation {
    id: "listPermissions",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/permission",
    group: ThrottleGroup::Light,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/permission-category`: List Permission Categories
pub static LIST_PERMISSION_CATEGORIES: Operation = Operation {
    id: "listPermissionCategories",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/permission-category",
    group: ThrottleGroup::Light,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/permission-category/{permissionCategoryId}`: Get Permission Category
pub static READ_PERMISSION_CATEGORY: Operation = Operation {
    id: "readPermissionCategory",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/permission-category/{permissionCategoryId}",
    group: ThrottleGroup::Light,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/permission/{permissionId}`: Get Permission
pub static READ_PERMISSION: Operation = Operation {
    id: "readPermission",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/permission/{permissionId}",
    group: ThrottleGroup::Light,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/state`: List States
pub static LIST_STATES: Operation = Operation {
    id: "listStates",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/state",
    group: ThrottleGroup::Light,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/state/{stateId}`: Get State
pub static READ_STATE: Operation = Operation {
    id: "readState",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/state/{stateId}",
    group: ThrottleGroup::Light,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/timezone`: List Timezones
pub static LIST_TIMEZONES: Operation = Operation {
    id: "listTimezones",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/timezone",
    group: ThrottleGroup::Light,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/timezone/{timezoneId}`: Get Timezone
pub static READ_TIMEZONE: Operation = Operation {
    id: "readTimezone",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/timezone/{timezoneId}",
    group: ThrottleGroup::Light,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/user-role`: List Standard User Roles
pub static LIST_STANDARD_USER_ROLE: Operation = Operation {
    id: "listStandardUserRole",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/user-role",
    group: ThrottleGroup::Light,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/dictionary/user-role/{roleId}`: Get Standard User Role
pub static READ_STANDARD_USER_ROLE: Operation = Operation {
    id: "readStandardUserRole",
    method: Method::GET,
    path: "/restapi/v1.0/dictionary/user-role/{roleId}",
    group: ThrottleGroup::Light,
    resource: "dictionary",
    scope: "dictionary",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/number-parser/parse`: Parse Phone Number(s)
pub static PARSE_PHONE_NUMBER: Operation = Operation {
    id: "parsePhoneNumber",
    method: Method::POST,
    path: "/restapi/v1.0/number-parser/parse",
    group: ThrottleGroup::Light,
    resource: "number-parser",
    scope: "number_parser",
    permission: None,
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: true,
};

/// `GET /restapi/v1.0/subscription`: List Subscriptions
pub static LIST_SUBSCRIPTIONS: Operation = Operation {
    id: "listSubscriptions",
    method: Method::GET,
    path: "/restapi/v1.0/subscription",
    group: ThrottleGroup::Light,
    resource: "subscriptions",
    scope: "subscriptions",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/subscription`: Create Subscription
pub static CREATE_SUBSCRIPTION: Operation = Operation {
    id: "createSubscription",
    method: Method::POST,
    path: "/restapi/v1.0/subscription",
    group: ThrottleGroup::Medium,
    resource: "subscriptions",
    scope: "subscriptions",
    permission: None,
    user_permission: None,
    request_media: &["application/json"],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v1.0/subscription/{subscriptionId}`: Get Subscription
pub static READ_SUBSCRIPTION: Operation = Operation {
    id: "readSubscription",
    method: Method::GET,
    path: "/restapi/v1.0/subscription/{subscriptionId}",
    group: ThrottleGroup::Light,
    resource: "subscriptions",
    scope: "subscriptions",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v1.0/subscription/{subscriptionId}`: Update Subscription
pub static UPDATE_SUBSCRIPTION: Operation = Operation {
    id: "updateSubscription",
    method: Method::PUT,
    path: "/restapi/v1.0/subscription/{subscriptionId}",
    group: ThrottleGroup::Medium,
    resource: "subscriptions",
    scope: "subscriptions",
    permission: None,
    user_permission: None,
    request_media: &["application/json"],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v1.0/subscription/{subscriptionId}`: Cancel Subscription
pub static DELETE_SUBSCRIPTION: Operation = Operation {
    id: "deleteSubscription",
    method: Method::DELETE,
    path: "/restapi/v1.0/subscription/{subscriptionId}",
    group: ThrottleGroup::Medium,
    resource: "subscriptions",
    scope: "subscriptions",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v1.0/subscription/{subscriptionId}/renew`: Renew Subscription
pub static RENEW_SUBSCRIPTION: Operation = Operation {
    id: "renewSubscription",
    method: Method::POST,
    path: "/restapi/v1.0/subscription/{subscriptionId}/renew",
    group: ThrottleGroup::Light,
    resource: "subscriptions",
    scope: "subscriptions",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v2/accounts/{accountId}`: Get Account Info
pub static GET_ACCOUNT_INFO_V2: Operation = Operation {
    id: "getAccountInfoV2",
    method: Method::GET,
    path: "/restapi/v2/accounts/{accountId}",
    group: ThrottleGroup::Light,
    resource: "accounts",
    scope: "accounts",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyInfo"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v2/accounts/{accountId}/batch-provisioning/users`: Create Multiple User Extensions
pub static POST_BATCH_PROVISION_USERS: Operation = Operation {
    id: "postBatchProvisionUsers",
    method: Method::POST,
    path: "/restapi/v2/accounts/{accountId}/batch-provisioning/users",
    group: ThrottleGroup::Heavy,
    resource: "batch-provisioning",
    scope: "batch_provisioning",
    permission: Some("EditAccounts"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v2/accounts/{accountId}/cost-centers`: List Cost Centers
pub static LIST_COST_CENTERS: Operation = Operation {
    id: "listCostCenters",
    method: Method::GET,
    path: "/restapi/v2/accounts/{accountId}/cost-centers",
    group: ThrottleGroup::Light,
    resource: "cost-centers",
    scope: "cost_centers",
    permission: Some("ReadAccounts"),
    user_permission: Some("CostCenterManagement"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v2/accounts/{accountId}/device-inventory`: Add Phone to Inventory
pub static ADD_DEVICE_TO_INVENTORY: Operation = Operation {
    id: "addDeviceToInventory",
    method: Method::POST,
    path: "/restapi/v2/accounts/{accountId}/device-inventory",
    group: ThrottleGroup::Heavy,
    resource: "device-inventory",
    scope: "device_inventory",
    permission: Some("EditAccounts"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v2/accounts/{accountId}/device-inventory`: Delete Device from Inventory
pub static DELETE_DEVICE_FROM_INVENTORY: Operation = Operation {
    id: "deleteDeviceFromInventory",
    method: Method::DELETE,
    path: "/restapi/v2/accounts/{accountId}/device-inventory",
    group: ThrottleGroup::Heavy,
    resource: "device-inventory",
    scope: "device_inventory",
    permission: Some("EditAccounts"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v2/accounts/{accountId}/devices/bulk-add`: Add BYOD Devices
pub static BULK_ADD_DEVICES_V2: Operation = Operation {
    id: "bulkAddDevicesV2",
    method: Method::POST,
    path: "/restapi/v2/accounts/{accountId}/devices/bulk-add",
    group: ThrottleGroup::Heavy,
    resource: "devices",
    scope: "devices",
    permission: Some("EditAccounts"),
    user_permission: Some("AddRemoveDevices"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v2/accounts/{accountId}/devices/{deviceId}`: Remove Phone Line
pub static REMOVE_LINE_JWS_PUBLIC: Operation = Operation {
    id: "removeLineJWSPublic",
    method: Method::DELETE,
    path: "/restapi/v2/accounts/{accountId}/devices/{deviceId}",
    group: ThrottleGroup::Medium,
    resource: "devices",
    scope: "devices",
    permission: Some("EditAccounts"),
    user_permission: Some("EditAccountDevices"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v2/accounts/{accountId}/extensions`: Delete Multiple Extensions
pub static BULK_DELETE_USERS_V2: Operation = Operation {
    id: "bulkDeleteUsersV2",
    method: Method::DELETE,
    path: "/restapi/v2/accounts/{accountId}/extensions",
    group: ThrottleGroup::Heavy,
    resource: "extensions",
    scope: "extensions",
    permission: Some("EditAccounts"),
    user_permission: Some("Users"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v2/accounts/{accountId}/extensions/{extensionId}/call-flip-numbers`: Get Call Flip Settings
pub static READ_CALL_FLIP_SETTINGS: Operation = Operation {
    id: "readCallFlipSettings",
    method: Method::GET,
    path: "/restapi/v2/accounts/{accountId}/extensions/{extensionId}/call-flip-numbers",
    group: ThrottleGroup::Light,
    resource: "call-flip-numbers",
    scope: "call_flip_numbers",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /restapi/v2/accounts/{accountId}/extensions/{extensionId}/call-flip-numbers`: Update Call Flip Settings
pub static UPDATE_CALL_FLIP_SETTINGS: Operation = Operation {
    id: "updateCallFlipSettings",
    method: Method::PUT,
    path: "/restapi/v2/accounts/{accountId}/extensions/{extensionId}/call-flip-numbers",
    group: ThrottleGroup::Medium,
    resource: "call-flip-numbers",
    scope: "call_flip_numbers",
    permission: Some("EditExtensions"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/states`: List Comm Handling States
pub static LIST_CIC_STATES: Operation = Operation {
    id: "listCicStates",
    method: Method::GET,
    path: "/restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/states",
    group: ThrottleGroup::Medium,
    resource: "comm-handling",
    scope: "comm_handling",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/states/{stateId}`: Comm Handling State
pub static READ_CIC_STATE: Operation = Operation {
    id: "readCicState",
    method: Method::GET,
    path: "/restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/states/{stateId}",
    group: ThrottleGroup::Medium,
    resource: "comm-handling",
    scope: "comm_handling",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/states/{stateId}`: Update Comm Handling State
pub static UPDATE_CIC_STATE: Operation = Operation {
    id: "updateCicState",
    method: Method::PATCH,
    path: "/restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/states/{stateId}",
    group: ThrottleGroup::Medium,
    resource: "comm-handling",
    scope: "comm_handling",
    permission: Some("EditExtensions"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/forwarding-targets`: Get Forwarding Targets
pub static READ_FORWARDING_TARGETS: Operation = Operation {
    id: "readForwardingTargets",
    method: Method::GET,
    path: "/restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/forwarding-targets",
    group: ThrottleGroup::Medium,
    resource: "comm-handling",
    scope: "comm_handling",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/forwarding-targets`: Delete Forwarding Targets
pub static DELETE_FORWARDING_TARGETS: Operation = Operation {
    id: "deleteForwardingTargets",
    method: Method::DELETE,
    path: "/restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/forwarding-targets",
    group: ThrottleGroup::Medium,
    resource: "comm-handling",
    scope: "comm_handling",
    permission: Some("EditExtensions"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/forwarding-targets/devices/{deviceId}/extensions`: List Extensions Using Forwarding Device Target
pub static LIST_EXTENSIONS_USING_FORWARDING_DEVICE_TARGET: Operation = Operation {
    id: "listExtensionsUsingForwardingDeviceTarget",
    method: Method::GET,
    path: "/restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/forwarding-targets/devices/{deviceId}/extensions",
    group: ThrottleGroup::Medium,
    resource: "comm-handling",
    scope: "comm_handling",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/interaction-rules`: List Interaction Rules
pub static LIST_VOICE_INTERACTION_RULES: Operation = Operation {
    id: "listVoiceInteractionRules",
    method: Method::GET,
    path: "/restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/interaction-rules",
    group: ThrottleGroup::Medium,
    resource: "comm-handling",
    scope: "comm_handling",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/interaction-rules`: Create Interaction Rule
pub static CREATE_VOICE_INTERACTION_RULE: Operation = Operation {
    id: "createVoiceInteractionRule",
    method: Method::POST,
    path: "/restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/interaction-rules",
    group: ThrottleGroup::Medium,
    resource: "comm-handling",
    scope: "comm_handling",
    permission: Some("EditExtensions"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/interaction-rules/{ruleId}`: Get Interaction Rule
pub static READ_VOICE_INTERACTION_RULE: Operation = Operation {
    id: "readVoiceInteractionRule",
    method: Method::GET,
    path: "/restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/interaction-rules/{ruleId}",
    group: ThrottleGroup::Medium,
    resource: "comm-handling",
    scope: "comm_handling",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/interaction-rules/{ruleId}`: Update Interaction Rule
pub static UPDATE_VOICE_INTERACTION_RULE: Operation = Operation {
    id: "updateVoiceInteractionRule",
    method: Method::PATCH,
    path: "/restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/interaction-rules/{ruleId}",
    group: ThrottleGroup::Medium,
    resource: "comm-handling",
    scope: "comm_handling",
    permission: Some("EditExtensions"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/interaction-rules/{ruleId}`: Delete Interaction Rule
pub static DELETE_VOICE_INTERACTION_RULE: Operation = Operation {
    id: "deleteVoiceInteractionRule",
    method: Method::DELETE,
    path: "/restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/interaction-rules/{ruleId}",
    group: ThrottleGroup::Medium,
    resource: "comm-handling",
    scope: "comm_handling",
    permission: Some("EditExtensions"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/state-rules`: List State-based Rules
pub static LIST_VOICE_STATE_BASED_RULES: Operation = Operation {
    id: "listVoiceStateBasedRules",
    method: Method::GET,
    path: "/restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/state-rules",
    group: ThrottleGroup::Medium,
    resource: "comm-handling",
    scope: "comm_handling",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/state-rules/{stateId}`: Get State-based Rule
pub static READ_VOICE_STATE_BASED_RULE: Operation = Operation {
    id: "readVoiceStateBasedRule",
    method: Method::GET,
    path: "/restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/state-rules/{stateId}",
    group: ThrottleGroup::Medium,
    resource: "comm-handling",
    scope: "comm_handling",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/state-rules/{stateId}`: Update State-based Rule
pub static UPDATE_VOICE_STATE_BASED_RULE: Operation = Operation {
    id: "updateVoiceStateBasedRule",
    method: Method::PATCH,
    path: "/restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling/voice/state-rules/{stateId}",
    group: ThrottleGroup::Medium,
    resource: "comm-handling",
    scope: "comm_handling",
    permission: Some("EditExtensions"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v2/accounts/{accountId}/extensions/{extensionId}/devices/{deviceId}/replace`: Swap Devices
pub static REPLACE_DEVICES_JWS_PUBLIC: Operation = Operation {
    id: "replaceDevicesJWSPublic",
    method: Method::POST,
    path: "/restapi/v2/accounts/{accountId}/extensions/{extensionId}/devices/{deviceId}/replace",
    group: ThrottleGroup::Medium,
    resource: "devices",
    scope: "devices",
    permission: Some("EditAccounts"),
    user_permission: Some("EditUserDevices"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v2/accounts/{accountId}/phone-numbers`: List Account Phone Numbers
pub static LIST_ACCOUNT_PHONE_NUMBERS_V2: Operation = Operation {
    id: "listAccountPhoneNumbersV2",
    method: Method::GET,
    path: "/restapi/v2/accounts/{accountId}/phone-numbers",
    group: ThrottleGroup::Heavy,
    resource: "phone-numbers",
    scope: "phone_numbers",
    permission: Some("ReadAccounts"),
    user_permission: Some("ReadCompanyPhoneNumbers"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /restapi/v2/accounts/{accountId}/phone-numbers`: Delete Numbers from Inventory
pub static DELETE_NUMBERS_FROM_INVENTORY_V2: Operation = Operation {
    id: "deleteNumbersFromInventoryV2",
    method: Method::DELETE,
    path: "/restapi/v2/accounts/{accountId}/phone-numbers",
    group: ThrottleGroup::Medium,
    resource: "phone-numbers",
    scope: "phone_numbers",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCompanyPhoneNumbers"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v2/accounts/{accountId}/phone-numbers/bulk-add`: Add Numbers to Inventory
pub static ADD_NUMBERS_TO_INVENTORY_V2: Operation = Operation {
    id: "addNumbersToInventoryV2",
    method: Method::POST,
    path: "/restapi/v2/accounts/{accountId}/phone-numbers/bulk-add",
    group: ThrottleGroup::Heavy,
    resource: "phone-numbers",
    scope: "phone_numbers",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCompanyPhoneNumbers"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v2/accounts/{accountId}/phone-numbers/bulk-add/{taskId}`: Get Add Numbers Task Results
pub static GET_BULK_ADD_TASK_RESULTS_V2: Operation = Operation {
    id: "getBulkAddTaskResultsV2",
    method: Method::GET,
    path: "/restapi/v2/accounts/{accountId}/phone-numbers/bulk-add/{taskId}",
    group: ThrottleGroup::Heavy,
    resource: "phone-numbers",
    scope: "phone_numbers",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCompanyPhoneNumbers"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /restapi/v2/accounts/{accountId}/phone-numbers/{phoneNumberId}`: Assign Phone Number
pub static ASSIGN_PHONE_NUMBER_V2: Operation = Operation {
    id: "assignPhoneNumberV2",
    method: Method::PATCH,
    path: "/restapi/v2/accounts/{accountId}/phone-numbers/{phoneNumberId}",
    group: ThrottleGroup::Medium,
    resource: "phone-numbers",
    scope: "phone_numbers",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCompanyPhoneNumbers"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v2/accounts/{accountId}/phone-numbers/{phoneNumberId}/replace`: Replace Phone Number
pub static REPLACE_PHONE_NUMBER_V2: Operation = Operation {
    id: "replacePhoneNumberV2",
    method: Method::POST,
    path: "/restapi/v2/accounts/{accountId}/phone-numbers/{phoneNumberId}/replace",
    group: ThrottleGroup::Medium,
    resource: "phone-numbers",
    scope: "phone_numbers",
    permission: Some("EditAccounts"),
    user_permission: Some("EditCompanyPhoneNumbers"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v2/accounts/{accountId}/regional-settings`: Get Account Regional Settings
pub static GET_ACCOUNT_REGIONAL_SETTINGS: Operation = Operation {
    id: "getAccountRegionalSettings",
    method: Method::GET,
    path: "/restapi/v2/accounts/{accountId}/regional-settings",
    group: ThrottleGroup::Light,
    resource: "regional-settings",
    scope: "regional_settings",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /restapi/v2/accounts/{accountId}/regional-settings`: Update Account Regional Settings
pub static PATCH_ACCOUNT_REGIONAL_SETTINGS: Operation = Operation {
    id: "patchAccountRegionalSettings",
    method: Method::PATCH,
    path: "/restapi/v2/accounts/{accountId}/regional-settings",
    group: ThrottleGroup::Medium,
    resource: "regional-settings",
    scope: "regional_settings",
    permission: Some("EditAccounts"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v2/accounts/{accountId}/send-activation-email`: Send/Resend Activation Email
pub static SEND_ACTIVATION_EMAIL_V2: Operation = Operation {
    id: "sendActivationEmailV2",
    method: Method::POST,
    path: "/restapi/v2/accounts/{accountId}/send-activation-email",
    group: ThrottleGroup::Medium,
    resource: "send-activation-email",
    scope: "send_activation_email",
    permission: Some("EditAccounts"),
    user_permission: Some("AccountAdministration"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v2/accounts/{accountId}/send-welcome-email`: Send Welcome Email
pub static SEND_WELCOME_EMAIL_V2: Operation = Operation {
    id: "sendWelcomeEmailV2",
    method: Method::POST,
    path: "/restapi/v2/accounts/{accountId}/send-welcome-email",
    group: ThrottleGroup::Medium,
    resource: "send-welcome-email",
    scope: "send_welcome_email",
    permission: Some("EditExtensions"),
    user_permission: Some("Users"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v2/accounts/{accountId}/sms/consents`: List SMS Consent Records
pub static LIST_SMS_CONSENT_RECORDS: Operation = Operation {
    id: "listSmsConsentRecords",
    method: Method::GET,
    path: "/restapi/v2/accounts/{accountId}/sms/consents",
    group: ThrottleGroup::Light,
    resource: "sms",
    scope: "sms",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: true,
};

/// `PATCH /restapi/v2/accounts/{accountId}/sms/consents`: Add/Update SMS Consent Records
pub static EDIT_SMS_CONSENT_RECORDS: Operation = Operation {
    id: "editSmsConsentRecords",
    method: Method::PATCH,
    path: "/restapi/v2/accounts/{accountId}/sms/consents",
    group: ThrottleGroup::Light,
    resource: "sms",
    scope: "sms",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v2/accounts/{accountId}/sms/consents/export`: Export SMS Consent Records
pub static EXPORT_SMS_CONSENT_RECORDS: Operation = Operation {
    id: "exportSmsConsentRecords",
    method: Method::GET,
    path: "/restapi/v2/accounts/{accountId}/sms/consents/export",
    group: ThrottleGroup::Light,
    resource: "sms",
    scope: "sms",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: true,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/v2/accounts/{accountId}/sms/consents/history`: List SMS Consent History Records
pub static LIST_SMS_CONSENT_HISTORY_RECORDS: Operation = Operation {
    id: "listSmsConsentHistoryRecords",
    method: Method::GET,
    path: "/restapi/v2/accounts/{accountId}/sms/consents/history",
    group: ThrottleGroup::Light,
    resource: "sms",
    scope: "sms",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v2/accounts/{accountId}/sms/consents/search`: Search SMS Consent Records
pub static SEARCH_SMS_CONSENT_RECORDS: Operation = Operation {
    id: "searchSmsConsentRecords",
    method: Method::POST,
    path: "/restapi/v2/accounts/{accountId}/sms/consents/search",
    group: ThrottleGroup::Light,
    resource: "sms",
    scope: "sms",
    permission: Some("SMS"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /restapi/v2/number-parser/parse`: Parse Phone Number(s) V2
pub static PARSE_PHONE_NUMBER_V2: Operation = Operation {
    id: "parsePhoneNumberV2",
    method: Method::POST,
    path: "/restapi/v2/number-parser/parse",
    group: ThrottleGroup::Light,
    resource: "number-parser",
    scope: "number_parser",
    permission: None,
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /restapi/{apiVersion}`: Get Version Info
pub static READ_API_VERSION: Operation = Operation {
    id: "readAPIVersion",
    method: Method::GET,
    path: "/restapi/{apiVersion}",
    group: ThrottleGroup::NoThrottling,
    resource: "",
    scope: "",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /scim/v2/ResourceTypes`: List Resource Types
pub static SCIM_LIST_RESOURCE_TYPES_2: Operation = Operation {
    id: "scimListResourceTypes2",
    method: Method::GET,
    path: "/scim/v2/ResourceTypes",
    group: ThrottleGroup::Light,
    resource: "ResourceTypes",
    scope: "ResourceTypes",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: Some(1048576),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /scim/v2/ResourceTypes/{type}`: Get Resource Type
pub static SCIM_GET_RESOURCE_TYPE_2: Operation = Operation {
    id: "scimGetResourceType2",
    method: Method::GET,
    path: "/scim/v2/ResourceTypes/{type}",
    group: ThrottleGroup::Light,
    resource: "ResourceTypes",
    scope: "ResourceTypes",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: Some(1048576),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /scim/v2/Schemas`: List Schemas
pub static SCIM_LIST_SCHEMAS_2: Operation = Operation {
    id: "scimListSchemas2",
    method: Method::GET,
    path: "/scim/v2/Schemas",
    group: ThrottleGroup::Light,
    resource: "Schemas",
    scope: "Schemas",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: Some(1048576),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /scim/v2/Schemas/{uri}`: Get Schema
pub static SCIM_GET_SCHEMA_2: Operation = Operation {
    id: "scimGetSchema2",
    method: Method::GET,
    path: "/scim/v2/Schemas/{uri}",
    group: ThrottleGroup::Light,
    resource: "Schemas",
    scope: "Schemas",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: Some(1048576),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /scim/v2/ServiceProviderConfig`: Get Provider Config
pub static SCIM_GET_PROVIDER_CONFIG_2: Operation = Operation {
    id: "scimGetProviderConfig2",
    method: Method::GET,
    path: "/scim/v2/ServiceProviderConfig",
    group: ThrottleGroup::Light,
    resource: "ServiceProviderConfig",
    scope: "ServiceProviderConfig",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: Some(1048576),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /scim/v2/Users`: Search/List Users
pub static SCIM_SEARCH_VIA_GET_2: Operation = Operation {
    id: "scimSearchViaGet2",
    method: Method::GET,
    path: "/scim/v2/Users",
    group: ThrottleGroup::Light,
    resource: "Users",
    scope: "Users",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: Some(1048576),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /scim/v2/Users`: Create User
pub static SCIM_CREATE_USER_2: Operation = Operation {
    id: "scimCreateUser2",
    method: Method::POST,
    path: "/scim/v2/Users",
    group: ThrottleGroup::Heavy,
    resource: "Users",
    scope: "Users",
    permission: Some("EditAccounts"),
    user_permission: None,
    request_media: &["application/json", "application/scim+json"],
    max_body: Some(10485760),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /scim/v2/Users/.search`: Search/List Users
pub static SCIM_SEARCH_VIA_POST_2: Operation = Operation {
    id: "scimSearchViaPost2",
    method: Method::POST,
    path: "/scim/v2/Users/.search",
    group: ThrottleGroup::Light,
    resource: "Users",
    scope: "Users",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &["application/json", "application/scim+json"],
    max_body: Some(1048576),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /scim/v2/Users/{scimUserId}`: Get User
pub static SCIM_GET_USER_2: Operation = Operation {
    id: "scimGetUser2",
    method: Method::GET,
    path: "/scim/v2/Users/{scimUserId}",
    group: ThrottleGroup::Light,
    resource: "Users",
    scope: "Users",
    permission: Some("ReadAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: Some(1048576),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /scim/v2/Users/{scimUserId}`: Update/Replace User
pub static SCIM_UPDATE_USER_2: Operation = Operation {
    id: "scimUpdateUser2",
    method: Method::PUT,
    path: "/scim/v2/Users/{scimUserId}",
    group: ThrottleGroup::Heavy,
    resource: "Users",
    scope: "Users",
    permission: Some("EditAccounts"),
    user_permission: None,
    request_media: &["application/json", "application/scim+json"],
    max_body: Some(10485760),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /scim/v2/Users/{scimUserId}`: Update/Patch User
pub static SCIM_PATCH_USER_2: Operation = Operation {
    id: "scimPatchUser2",
    method: Method::PATCH,
    path: "/scim/v2/Users/{scimUserId}",
    group: ThrottleGroup::Heavy,
    resource: "Users",
    scope: "Users",
    permission: Some("EditAccounts"),
    user_permission: None,
    request_media: &["application/json", "application/scim+json"],
    max_body: Some(10485760),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /scim/v2/Users/{scimUserId}`: Delete User
pub static SCIM_DELETE_USER_2: Operation = Operation {
    id: "scimDeleteUser2",
    method: Method::DELETE,
    path: "/scim/v2/Users/{scimUserId}",
    group: ThrottleGroup::Heavy,
    resource: "Users",
    scope: "Users",
    permission: Some("EditAccounts"),
    user_permission: None,
    request_media: &[],
    max_body: Some(1048576),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/adaptive-cards/{cardId}`: Get Adaptive Card
pub static GET_GLIP_ADAPTIVE_CARD_NEW: Operation = Operation {
    id: "getGlipAdaptiveCardNew",
    method: Method::GET,
    path: "/team-messaging/v1/adaptive-cards/{cardId}",
    group: ThrottleGroup::Medium,
    resource: "adaptive-cards",
    scope: "adaptive_cards",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /team-messaging/v1/adaptive-cards/{cardId}`: Update Adaptive Card
pub static UPDATE_GLIP_ADAPTIVE_CARD_NEW: Operation = Operation {
    id: "updateGlipAdaptiveCardNew",
    method: Method::PUT,
    path: "/team-messaging/v1/adaptive-cards/{cardId}",
    group: ThrottleGroup::Medium,
    resource: "adaptive-cards",
    scope: "adaptive_cards",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /team-messaging/v1/adaptive-cards/{cardId}`: Delete Adaptive Card
pub static DELETE_GLIP_ADAPTIVE_CARD_NEW: Operation = Operation {
    id: "deleteGlipAdaptiveCardNew",
    method: Method::DELETE,
    path: "/team-messaging/v1/adaptive-cards/{cardId}",
    group: ThrottleGroup::Medium,
    resource: "adaptive-cards",
    scope: "adaptive_cards",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/chats`: List Chats
pub static LIST_GLIP_CHATS_NEW: Operation = Operation {
    id: "listGlipChatsNew",
    method: Method::GET,
    path: "/team-messaging/v1/chats",
    group: ThrottleGroup::Medium,
    resource: "chats",
    scope: "chats",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/chats/{chatId}`: Get Chat
pub static READ_GLIP_CHAT_NEW: Operation = Operation {
    id: "readGlipChatNew",
    method: Method::GET,
    path: "/team-messaging/v1/chats/{chatId}",
    group: ThrottleGroup::Light,
    resource: "chats",
    scope: "chats",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/chats/{chatId}/adaptive-cards`: Create Adaptive Card
pub static CREATE_GLIP_ADAPTIVE_CARD_NEW: Operation = Operation {
    id: "createGlipAdaptiveCardNew",
    method: Method::POST,
    path: "/team-messaging/v1/chats/{chatId}/adaptive-cards",
    group: ThrottleGroup::Medium,
    resource: "chats",
    scope: "chats",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/chats/{chatId}/favorite`: Add Chat to Favorites
pub static FAVORITE_GLIP_CHAT_NEW: Operation = Operation {
    id: "favoriteGlipChatNew",
    method: Method::POST,
    path: "/team-messaging/v1/chats/{chatId}/favorite",
    group: ThrottleGroup::Medium,
    resource: "chats",
    scope: "chats",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/chats/{chatId}/notes`: List Notes
pub static LIST_CHAT_NOTES_NEW: Operation = Operation {
    id: "listChatNotesNew",
    method: Method::GET,
    path: "/team-messaging/v1/chats/{chatId}/notes",
    group: ThrottleGroup::Heavy,
    resource: "chats",
    scope: "chats",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/chats/{chatId}/notes`: Create Note
pub static CREATE_CHAT_NOTE_NEW: Operation = Operation {
    id: "createChatNoteNew",
    method: Method::POST,
    path: "/team-messaging/v1/chats/{chatId}/notes",
    group: ThrottleGroup::Medium,
    resource: "chats",
    scope: "chats",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/chats/{chatId}/posts`: List Posts
pub static READ_GLIP_POSTS_NEW: Operation = Operation {
    id: "readGlipPostsNew",
    method: Method::GET,
    path: "/team-messaging/v1/chats/{chatId}/posts",
    group: ThrottleGroup::Medium,
    resource: "chats",
    scope: "chats",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/chats/{chatId}/posts`: Create Post
pub static CREATE_GLIP_POST_NEW: Operation = Operation {
    id: "createGlipPostNew",
    method: Method::POST,
    path: "/team-messaging/v1/chats/{chatId}/posts",
    group: ThrottleGroup::Medium,
    resource: "chats",
    scope: "chats",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/chats/{chatId}/posts/{postId}`: Get Post
pub static READ_GLIP_POST_NEW: Operation = Operation {
    id: "readGlipPostNew",
    method: Method::GET,
    path: "/team-messaging/v1/chats/{chatId}/posts/{postId}",
    group: ThrottleGroup::Light,
    resource: "chats",
    scope: "chats",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /team-messaging/v1/chats/{chatId}/posts/{postId}`: Update Post
pub static PATCH_GLIP_POST_NEW: Operation = Operation {
    id: "patchGlipPostNew",
    method: Method::PATCH,
    path: "/team-messaging/v1/chats/{chatId}/posts/{postId}",
    group: ThrottleGroup::Medium,
    resource: "chats",
    scope: "chats",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /team-messaging/v1/chats/{chatId}/posts/{postId}`: Delete Post
pub static DELETE_GLIP_POST_NEW: Operation = Operation {
    id: "deleteGlipPostNew",
    method: Method::DELETE,
    path: "/team-messaging/v1/chats/{chatId}/posts/{postId}",
    group: ThrottleGroup::Medium,
    resource: "chats",
    scope: "chats",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/chats/{chatId}/tasks`: List Chat Tasks
pub static LIST_CHAT_TASKS_NEW: Operation = Operation {
    id: "listChatTasksNew",
    method: Method::GET,
    path: "/team-messaging/v1/chats/{chatId}/tasks",
    group: ThrottleGroup::Heavy,
    resource: "chats",
    scope: "chats",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/chats/{chatId}/tasks`: Create Task
pub static CREATE_TASK_NEW: Operation = Operation {
    id: "createTaskNew",
    method: Method::POST,
    path: "/team-messaging/v1/chats/{chatId}/tasks",
    group: ThrottleGroup::Medium,
    resource: "chats",
    scope: "chats",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/chats/{chatId}/threads/{threadId}/posts`: List Thread Posts
pub static READ_GLIP_THREAD_POSTS_NEW: Operation = Operation {
    id: "readGlipThreadPostsNew",
    method: Method::GET,
    path: "/team-messaging/v1/chats/{chatId}/threads/{threadId}/posts",
    group: ThrottleGroup::Medium,
    resource: "chats",
    scope: "chats",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/chats/{chatId}/unfavorite`: Remove Chat from Favorites
pub static UNFAVORITE_GLIP_CHAT_NEW: Operation = Operation {
    id: "unfavoriteGlipChatNew",
    method: Method::POST,
    path: "/team-messaging/v1/chats/{chatId}/unfavorite",
    group: ThrottleGroup::Medium,
    resource: "chats",
    scope: "chats",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/companies/{companyId}`: Get Company Info
pub static READ_TM_COMPANY_INFO_NEW: Operation = Operation {
    id: "readTMCompanyInfoNew",
    method: Method::GET,
    path: "/team-messaging/v1/companies/{companyId}",
    group: ThrottleGroup::Light,
    resource: "companies",
    scope: "companies",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/conversations`: List Conversations
pub static LIST_GLIP_CONVERSATIONS_NEW: Operation = Operation {
    id: "listGlipConversationsNew",
    method: Method::GET,
    path: "/team-messaging/v1/conversations",
    group: ThrottleGroup::Medium,
    resource: "conversations",
    scope: "conversations",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/conversations`: Create/Open Conversation
pub static CREATE_GLIP_CONVERSATION_NEW: Operation = Operation {
    id: "createGlipConversationNew",
    method: Method::POST,
    path: "/team-messaging/v1/conversations",
    group: ThrottleGroup::Medium,
    resource: "conversations",
    scope: "conversations",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/conversations/{chatId}`: Get Conversation
pub static READ_GLIP_CONVERSATION_NEW: Operation = Operation {
    id: "readGlipConversationNew",
    method: Method::GET,
    path: "/team-messaging/v1/conversations/{chatId}",
    group: ThrottleGroup::Light,
    resource: "conversations",
    scope: "conversations",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/data-export`: List Data Export Tasks
pub static LIST_DATA_EXPORT_TASKS_NEW: Operation = Operation {
    id: "listDataExportTasksNew",
    method: Method::GET,
    path: "/team-messaging/v1/data-export",
    group: ThrottleGroup::Medium,
    resource: "data-export",
    scope: "data_export",
    permission: Some("TeamMessaging"),
    user_permission: Some("Glip"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/data-export`: Create Data Export Task
pub static CREATE_DATA_EXPORT_TASK_NEW: Operation = Operation {
    id: "createDataExportTaskNew",
    method: Method::POST,
    path: "/team-messaging/v1/data-export",
    group: ThrottleGroup::Heavy,
    resource: "data-export",
    scope: "data_export",
    permission: Some("TeamMessaging"),
    user_permission: Some("Glip"),
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/data-export/{taskId}`: Get Data Export Task
pub static READ_DATA_EXPORT_TASK_NEW: Operation = Operation {
    id: "readDataExportTaskNew",
    method: Method::GET,
    path: "/team-messaging/v1/data-export/{taskId}",
    group: ThrottleGroup::Medium,
    resource: "data-export",
    scope: "data_export",
    permission: Some("TeamMessaging"),
    user_permission: Some("Glip"),
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/events`: List User Events
pub static READ_GLIP_EVENTS_NEW: Operation = Operation {
    id: "readGlipEventsNew",
    method: Method::GET,
    path: "/team-messaging/v1/events",
    group: ThrottleGroup::Medium,
    resource: "events",
    scope: "events",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/events`: Create Event
pub static CREATE_EVENT_NEW: Operation = Operation {
    id: "createEventNew",
    method: Method::POST,
    path: "/team-messaging/v1/events",
    group: ThrottleGroup::Medium,
    resource: "events",
    scope: "events",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/events/{eventId}`: Get Event
pub static READ_EVENT_NEW: Operation = Operation {
    id: "readEventNew",
    method: Method::GET,
    path: "/team-messaging/v1/events/{eventId}",
    group: ThrottleGroup::Medium,
    resource: "events",
    scope: "events",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /team-messaging/v1/events/{eventId}`: Update Event
pub static UPDATE_EVENT_NEW: Operation = Operation {
    id: "updateEventNew",
    method: Method::PUT,
    path: "/team-messaging/v1/events/{eventId}",
    group: ThrottleGroup::Medium,
    resource: "events",
    scope: "events",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /team-messaging/v1/events/{eventId}`: Delete Event
pub static DELETE_EVENT_NEW: Operation = Operation {
    id: "deleteEventNew",
    method: Method::DELETE,
    path: "/team-messaging/v1/events/{eventId}",
    group: ThrottleGroup::Medium,
    resource: "events",
    scope: "events",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/everyone`: Get Everyone Chat
pub static READ_GLIP_EVERYONE_NEW: Operation = Operation {
    id: "readGlipEveryoneNew",
    method: Method::GET,
    path: "/team-messaging/v1/everyone",
    group: ThrottleGroup::Light,
    resource: "everyone",
    scope: "everyone",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /team-messaging/v1/everyone`: Update Everyone Chat
pub static PATCH_GLIP_EVERYONE_NEW: Operation = Operation {
    id: "patchGlipEveryoneNew",
    method: Method::PATCH,
    path: "/team-messaging/v1/everyone",
    group: ThrottleGroup::Medium,
    resource: "everyone",
    scope: "everyone",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/favorites`: List Favorite Chats
pub static LIST_FAVORITE_CHATS_NEW: Operation = Operation {
    id: "listFavoriteChatsNew",
    method: Method::GET,
    path: "/team-messaging/v1/favorites",
    group: ThrottleGroup::Light,
    resource: "favorites",
    scope: "favorites",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/files`: Upload File
pub static CREATE_GLIP_FILE_NEW: Operation = Operation {
    id: "createGlipFileNew",
    method: Method::POST,
    path: "/team-messaging/v1/files",
    group: ThrottleGroup::Heavy,
    resource: "files",
    scope: "files",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &["multipart/form-data"],
    max_body: Some(31457280),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/groups/{groupId}/events`: List Group Events
pub static LIST_GROUP_EVENTS_NEW: Operation = Operation {
    id: "listGroupEventsNew",
    method: Method::GET,
    path: "/team-messaging/v1/groups/{groupId}/events",
    group: ThrottleGroup::Medium,
    resource: "groups",
    scope: "groups",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/groups/{groupId}/events`: Create Event by Group ID
pub static CREATE_EVENT_BY_GROUP_ID_NEW: Operation = Operation {
    id: "createEventByGroupIdNew",
    method: Method::POST,
    path: "/team-messaging/v1/groups/{groupId}/events",
    group: ThrottleGroup::Medium,
    resource: "groups",
    scope: "groups",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/groups/{groupId}/webhooks`: List Webhooks in Group
pub static LIST_GLIP_GROUP_WEBHOOKS_NEW: Operation = Operation {
    id: "listGlipGroupWebhooksNew",
    method: Method::GET,
    path: "/team-messaging/v1/groups/{groupId}/webhooks",
    group: ThrottleGroup::Medium,
    resource: "groups",
    scope: "groups",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/groups/{groupId}/webhooks`: Create Webhook in Group
pub static CREATE_GLIP_GROUP_WEBHOOK_NEW: Operation = Operation {
    id: "createGlipGroupWebhookNew",
    method: Method::POST,
    path: "/team-messaging/v1/groups/{groupId}/webhooks",
    group: ThrottleGroup::Medium,
    resource: "groups",
    scope: "groups",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/notes/{noteId}`: Get Note
pub static READ_USER_NOTE_NEW: Operation = Operation {
    id: "readUserNoteNew",
    method: Method::GET,
    path: "/team-messaging/v1/notes/{noteId}",
    group: ThrottleGroup::Medium,
    resource: "notes",
    scope: "notes",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /team-messaging/v1/notes/{noteId}`: Update Note
pub static PATCH_NOTE_NEW: Operation = Operation {
    id: "patchNoteNew",
    method: Method::PATCH,
    path: "/team-messaging/v1/notes/{noteId}",
    group: ThrottleGroup::Medium,
    resource: "notes",
    scope: "notes",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /team-messaging/v1/notes/{noteId}`: Delete Note
pub static DELETE_NOTE_NEW: Operation = Operation {
    id: "deleteNoteNew",
    method: Method::DELETE,
    path: "/team-messaging/v1/notes/{noteId}",
    group: ThrottleGroup::Medium,
    resource: "notes",
    scope: "notes",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/notes/{noteId}/lock`: Lock Note
pub static LOCK_NOTE_NEW: Operation = Operation {
    id: "lockNoteNew",
    method: Method::POST,
    path: "/team-messaging/v1/notes/{noteId}/lock",
    group: ThrottleGroup::Light,
    resource: "notes",
    scope: "notes",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/notes/{noteId}/publish`: Publish Note
pub static PUBLISH_NOTE_NEW: Operation = Operation {
    id: "publishNoteNew",
    method: Method::POST,
    path: "/team-messaging/v1/notes/{noteId}/publish",
    group: ThrottleGroup::Medium,
    resource: "notes",
    scope: "notes",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/notes/{noteId}/unlock`: Unlock Note
pub static UNLOCK_NOTE_NEW: Operation = Operation {
    id: "unlockNoteNew",
    method: Method::POST,
    path: "/team-messaging/v1/notes/{noteId}/unlock",
    group: ThrottleGroup::Light,
    resource: "notes",
    scope: "notes",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/persons/{personId}`: Get Person
pub static READ_GLIP_PERSON_NEW: Operation = Operation {
    id: "readGlipPersonNew",
    method: Method::GET,
    path: "/team-messaging/v1/persons/{personId}",
    group: ThrottleGroup::Light,
    resource: "persons",
    scope: "persons",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/recent/chats`: List Recent Chats
pub static LIST_RECENT_CHATS_NEW: Operation = Operation {
    id: "listRecentChatsNew",
    method: Method::GET,
    path: "/team-messaging/v1/recent/chats",
    group: ThrottleGroup::Light,
    resource: "recent",
    scope: "recent",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/tasks/{taskId}`: Get Task
pub static READ_TASK_NEW: Operation = Operation {
    id: "readTaskNew",
    method: Method::GET,
    path: "/team-messaging/v1/tasks/{taskId}",
    group: ThrottleGroup::Medium,
    resource: "tasks",
    scope: "tasks",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /team-messaging/v1/tasks/{taskId}`: Update Task
pub static PATCH_TASK_NEW: Operation = Operation {
    id: "patchTaskNew",
    method: Method::PATCH,
    path: "/team-messaging/v1/tasks/{taskId}",
    group: ThrottleGroup::Medium,
    resource: "tasks",
    scope: "tasks",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /team-messaging/v1/tasks/{taskId}`: Delete Task
pub static DELETE_TASK_NEW: Operation = Operation {
    id: "deleteTaskNew",
    method: Method::DELETE,
    path: "/team-messaging/v1/tasks/{taskId}",
    group: ThrottleGroup::Medium,
    resource: "tasks",
    scope: "tasks",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/tasks/{taskId}/complete`: Complete Task
pub static COMPLETE_TASK_NEW: Operation = Operation {
    id: "completeTaskNew",
    method: Method::POST,
    path: "/team-messaging/v1/tasks/{taskId}/complete",
    group: ThrottleGroup::Medium,
    resource: "tasks",
    scope: "tasks",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/teams`: List Teams
pub static LIST_GLIP_TEAMS_NEW: Operation = Operation {
    id: "listGlipTeamsNew",
    method: Method::GET,
    path: "/team-messaging/v1/teams",
    group: ThrottleGroup::Medium,
    resource: "teams",
    scope: "teams",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/teams`: Create Team
pub static CREATE_GLIP_TEAM_NEW: Operation = Operation {
    id: "createGlipTeamNew",
    method: Method::POST,
    path: "/team-messaging/v1/teams",
    group: ThrottleGroup::Medium,
    resource: "teams",
    scope: "teams",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/teams/{chatId}`: Get Team
pub static READ_GLIP_TEAM_NEW: Operation = Operation {
    id: "readGlipTeamNew",
    method: Method::GET,
    path: "/team-messaging/v1/teams/{chatId}",
    group: ThrottleGroup::Light,
    resource: "teams",
    scope: "teams",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /team-messaging/v1/teams/{chatId}`: Update Team
pub static PATCH_GLIP_TEAM_NEW: Operation = Operation {
    id: "patchGlipTeamNew",
    method: Method::PATCH,
    path: "/team-messaging/v1/teams/{chatId}",
    group: ThrottleGroup::Medium,
    resource: "teams",
    scope: "teams",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /team-messaging/v1/teams/{chatId}`: Delete Team
pub static DELETE_GLIP_TEAM_NEW: Operation = Operation {
    id: "deleteGlipTeamNew",
    method: Method::DELETE,
    path: "/team-messaging/v1/teams/{chatId}",
    group: ThrottleGroup::Medium,
    resource: "teams",
    scope: "teams",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/teams/{chatId}/add`: Add Team Members
pub static ADD_GLIP_TEAM_MEMBERS_NEW: Operation = Operation {
    id: "addGlipTeamMembersNew",
    method: Method::POST,
    path: "/team-messaging/v1/teams/{chatId}/add",
    group: ThrottleGroup::Medium,
    resource: "teams",
    scope: "teams",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/teams/{chatId}/archive`: Archive Team
pub static ARCHIVE_GLIP_TEAM_NEW: Operation = Operation {
    id: "archiveGlipTeamNew",
    method: Method::POST,
    path: "/team-messaging/v1/teams/{chatId}/archive",
    group: ThrottleGroup::Medium,
    resource: "teams",
    scope: "teams",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/teams/{chatId}/join`: Join Team
pub static JOIN_GLIP_TEAM_NEW: Operation = Operation {
    id: "joinGlipTeamNew",
    method: Method::POST,
    path: "/team-messaging/v1/teams/{chatId}/join",
    group: ThrottleGroup::Medium,
    resource: "teams",
    scope: "teams",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/teams/{chatId}/leave`: Leave Team
pub static LEAVE_GLIP_TEAM_NEW: Operation = Operation {
    id: "leaveGlipTeamNew",
    method: Method::POST,
    path: "/team-messaging/v1/teams/{chatId}/leave",
    group: ThrottleGroup::Medium,
    resource: "teams",
    scope: "teams",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/teams/{chatId}/remove`: Remove Team Members
pub static REMOVE_GLIP_TEAM_MEMBERS_NEW: Operation = Operation {
    id: "removeGlipTeamMembersNew",
    method: Method::POST,
    path: "/team-messaging/v1/teams/{chatId}/remove",
    group: ThrottleGroup::Medium,
    resource: "teams",
    scope: "teams",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/teams/{chatId}/unarchive`: Unarchive Team
pub static UNARCHIVE_GLIP_TEAM_NEW: Operation = Operation {
    id: "unarchiveGlipTeamNew",
    method: Method::POST,
    path: "/team-messaging/v1/teams/{chatId}/unarchive",
    group: ThrottleGroup::Medium,
    resource: "teams",
    scope: "teams",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/webhooks`: List Webhooks
pub static LIST_GLIP_WEBHOOKS_NEW: Operation = Operation {
    id: "listGlipWebhooksNew",
    method: Method::GET,
    path: "/team-messaging/v1/webhooks",
    group: ThrottleGroup::Medium,
    resource: "webhooks",
    scope: "webhooks",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /team-messaging/v1/webhooks/{webhookId}`: Get Webhook
pub static READ_GLIP_WEBHOOK_NEW: Operation = Operation {
    id: "readGlipWebhookNew",
    method: Method::GET,
    path: "/team-messaging/v1/webhooks/{webhookId}",
    group: ThrottleGroup::Medium,
    resource: "webhooks",
    scope: "webhooks",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /team-messaging/v1/webhooks/{webhookId}`: Delete Webhook
pub static DELETE_GLIP_WEBHOOK_NEW: Operation = Operation {
    id: "deleteGlipWebhookNew",
    method: Method::DELETE,
    path: "/team-messaging/v1/webhooks/{webhookId}",
    group: ThrottleGroup::Medium,
    resource: "webhooks",
    scope: "webhooks",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/webhooks/{webhookId}/activate`: Activate Webhook
pub static ACTIVATE_GLIP_WEBHOOK_NEW: Operation = Operation {
    id: "activateGlipWebhookNew",
    method: Method::POST,
    path: "/team-messaging/v1/webhooks/{webhookId}/activate",
    group: ThrottleGroup::Medium,
    resource: "webhooks",
    scope: "webhooks",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /team-messaging/v1/webhooks/{webhookId}/suspend`: Suspend Webhook
pub static SUSPEND_GLIP_WEBHOOK_NEW: Operation = Operation {
    id: "suspendGlipWebhookNew",
    method: Method::POST,
    path: "/team-messaging/v1/webhooks/{webhookId}/suspend",
    group: ThrottleGroup::Medium,
    resource: "webhooks",
    scope: "webhooks",
    permission: Some("TeamMessaging"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/configuration/v1/company/sessions`: List Sessions across Multiple Webinars/Hosts
pub static RCW_CONFIG_LIST_ALL_COMPANY_SESSIONS: Operation = Operation {
    id: "rcwConfigListAllCompanySessions",
    method: Method::GET,
    path: "/webinar/configuration/v1/company/sessions",
    group: ThrottleGroup::Heavy,
    resource: "configuration",
    scope: "configuration",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/configuration/v1/sessions`: List Sessions across Multiple Webinars
pub static RCW_CONFIG_LIST_ALL_SESSIONS: Operation = Operation {
    id: "rcwConfigListAllSessions",
    method: Method::GET,
    path: "/webinar/configuration/v1/sessions",
    group: ThrottleGroup::Heavy,
    resource: "configuration",
    scope: "configuration",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/configuration/v1/webinars`: List User's Webinars
pub static RCW_CONFIG_LIST_WEBINARS: Operation = Operation {
    id: "rcwConfigListWebinars",
    method: Method::GET,
    path: "/webinar/configuration/v1/webinars",
    group: ThrottleGroup::Heavy,
    resource: "configuration",
    scope: "configuration",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /webinar/configuration/v1/webinars`: Create Webinar
pub static RCW_CONFIG_CREATE_WEBINAR: Operation = Operation {
    id: "rcwConfigCreateWebinar",
    method: Method::POST,
    path: "/webinar/configuration/v1/webinars",
    group: ThrottleGroup::Heavy,
    resource: "configuration",
    scope: "configuration",
    permission: Some("EditWebinars"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/configuration/v1/webinars/{webinarId}`: Get Webinar
pub static RCW_CONFIG_GET_WEBINAR: Operation = Operation {
    id: "rcwConfigGetWebinar",
    method: Method::GET,
    path: "/webinar/configuration/v1/webinars/{webinarId}",
    group: ThrottleGroup::Heavy,
    resource: "configuration",
    scope: "configuration",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /webinar/configuration/v1/webinars/{webinarId}`: Update Webinar
pub static RCW_CONFIG_UPDATE_WEBINAR: Operation = Operation {
    id: "rcwConfigUpdateWebinar",
    method: Method::PATCH,
    path: "/webinar/configuration/v1/webinars/{webinarId}",
    group: ThrottleGroup::Heavy,
    resource: "configuration",
    scope: "configuration",
    permission: Some("EditWebinars"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /webinar/configuration/v1/webinars/{webinarId}`: Delete Webinar
pub static RCW_CONFIG_DELETE_WEBINAR: Operation = Operation {
    id: "rcwConfigDeleteWebinar",
    method: Method::DELETE,
    path: "/webinar/configuration/v1/webinars/{webinarId}",
    group: ThrottleGroup::Heavy,
    resource: "configuration",
    scope: "configuration",
    permission: Some("EditWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /webinar/configuration/v1/webinars/{webinarId}/sessions`: Create Webinar Session
pub static RCW_CONFIG_CREATE_SESSION: Operation = Operation {
    id: "rcwConfigCreateSession",
    method: Method::POST,
    path: "/webinar/configuration/v1/webinars/{webinarId}/sessions",
    group: ThrottleGroup::Heavy,
    resource: "configuration",
    scope: "configuration",
    permission: Some("EditWebinars"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/configuration/v1/webinars/{webinarId}/sessions/{sessionId}`: Get Webinar Session
pub static RCW_CONFIG_GET_SESSION: Operation = Operation {
    id: "rcwConfigGetSession",
    method: Method::GET,
    path: "/webinar/configuration/v1/webinars/{webinarId}/sessions/{sessionId}",
    group: ThrottleGroup::Heavy,
    resource: "configuration",
    scope: "configuration",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /webinar/configuration/v1/webinars/{webinarId}/sessions/{sessionId}`: Update Webinar Session
pub static RCW_CONFIG_UPDATE_SESSION: Operation = Operation {
    id: "rcwConfigUpdateSession",
    method: Method::PATCH,
    path: "/webinar/configuration/v1/webinars/{webinarId}/sessions/{sessionId}",
    group: ThrottleGroup::Heavy,
    resource: "configuration",
    scope: "configuration",
    permission: Some("EditWebinars"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /webinar/configuration/v1/webinars/{webinarId}/sessions/{sessionId}`: Delete Webinar Session
pub static RCW_CONFIG_DELETE_SESSION: Operation = Operation {
    id: "rcwConfigDeleteSession",
    method: Method::DELETE,
    path: "/webinar/configuration/v1/webinars/{webinarId}/sessions/{sessionId}",
    group: ThrottleGroup::Heavy,
    resource: "configuration",
    scope: "configuration",
    permission: Some("EditWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/configuration/v1/webinars/{webinarId}/sessions/{sessionId}/invitees`: List Session Invitees
pub static RCW_CONFIG_LIST_INVITEES: Operation = Operation {
    id: "rcwConfigListInvitees",
    method: Method::GET,
    path: "/webinar/configuration/v1/webinars/{webinarId}/sessions/{sessionId}/invitees",
    group: ThrottleGroup::Heavy,
    resource: "configuration",
    scope: "configuration",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /webinar/configuration/v1/webinars/{webinarId}/sessions/{sessionId}/invitees`: Bulk Add/Delete Session Invitees
pub static RCW_CONFIG_UPDATE_INVITEES: Operation = Operation {
    id: "rcwConfigUpdateInvitees",
    method: Method::PATCH,
    path: "/webinar/configuration/v1/webinars/{webinarId}/sessions/{sessionId}/invitees",
    group: ThrottleGroup::Heavy,
    resource: "configuration",
    scope: "configuration",
    permission: Some("EditWebinars"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/configuration/v1/webinars/{webinarId}/sessions/{sessionId}/invitees/{inviteeId}`: Get Session Invitee
pub static RCW_CONFIG_GET_INVITEE: Operation = Operation {
    id: "rcwConfigGetInvitee",
    method: Method::GET,
    path: "/webinar/configuration/v1/webinars/{webinarId}/sessions/{sessionId}/invitees/{inviteeId}",
    group: ThrottleGroup::Heavy,
    resource: "configuration",
    scope: "configuration",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /webinar/configuration/v1/webinars/{webinarId}/sessions/{sessionId}/invitees/{inviteeId}`: Update Session Invitee
pub static RCW_CONFIG_UPDATE_INVITEE: Operation = Operation {
    id: "rcwConfigUpdateInvitee",
    method: Method::PUT,
    path: "/webinar/configuration/v1/webinars/{webinarId}/sessions/{sessionId}/invitees/{inviteeId}",
    group: ThrottleGroup::Heavy,
    resource: "configuration",
    scope: "configuration",
    permission: Some("EditWebinars"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /webinar/configuration/v1/webinars/{webinarId}/sessions/{sessionId}/invitees/{inviteeId}`: Delete Session Invitee
pub static RCW_CONFIG_DELETE_INVITEE: Operation = Operation {
    id: "rcwConfigDeleteInvitee",
    method: Method::DELETE,
    path: "/webinar/configuration/v1/webinars/{webinarId}/sessions/{sessionId}/invitees/{inviteeId}",
    group: ThrottleGroup::Heavy,
    resource: "configuration",
    scope: "configuration",
    permission: Some("EditWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/history/v1/company/recordings`: List Webinar Recordings (Admin)
pub static RCW_HISTORY_ADMIN_LIST_RECORDINGS: Operation = Operation {
    id: "rcwHistoryAdminListRecordings",
    method: Method::GET,
    path: "/webinar/history/v1/company/recordings",
    group: ThrottleGroup::Heavy,
    resource: "history",
    scope: "history",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/history/v1/company/recordings/{recordingId}`: Get Webinar Recording (Admin)
pub static RCW_HISTORY_ADMIN_GET_RECORDING: Operation = Operation {
    id: "rcwHistoryAdminGetRecording",
    method: Method::GET,
    path: "/webinar/history/v1/company/recordings/{recordingId}",
    group: ThrottleGroup::Heavy,
    resource: "history",
    scope: "history",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/history/v1/company/sessions`: List Historical Webinar Sessions across Multiple Webinars / Hosts
pub static RCW_HISTORY_LIST_ALL_COMPANY_SESSIONS: Operation = Operation {
    id: "rcwHistoryListAllCompanySessions",
    method: Method::GET,
    path: "/webinar/history/v1/company/sessions",
    group: ThrottleGroup::Heavy,
    resource: "history",
    scope: "history",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/history/v1/recordings`: List Webinar Recordings
pub static RCW_HISTORY_LIST_RECORDINGS: Operation = Operation {
    id: "rcwHistoryListRecordings",
    method: Method::GET,
    path: "/webinar/history/v1/recordings",
    group: ThrottleGroup::Heavy,
    resource: "history",
    scope: "history",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/history/v1/recordings/{recordingId}`: Get Webinar Recording
pub static RCW_HISTORY_GET_RECORDING: Operation = Operation {
    id: "rcwHistoryGetRecording",
    method: Method::GET,
    path: "/webinar/history/v1/recordings/{recordingId}",
    group: ThrottleGroup::Heavy,
    resource: "history",
    scope: "history",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/history/v1/recordings/{recordingId}/download`: Get Webinar Recording Download Resource
pub static RCW_HISTORY_GET_RECORDING_DOWNLOAD: Operation = Operation {
    id: "rcwHistoryGetRecordingDownload",
    method: Method::GET,
    path: "/webinar/history/v1/recordings/{recordingId}/download",
    group: ThrottleGroup::Heavy,
    resource: "history",
    scope: "history",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/history/v1/sessions`: List Historical Webinar Sessions across Multiple Webinars
pub static RCW_HISTORY_LIST_ALL_SESSIONS: Operation = Operation {
    id: "rcwHistoryListAllSessions",
    method: Method::GET,
    path: "/webinar/history/v1/sessions",
    group: ThrottleGroup::Heavy,
    resource: "history",
    scope: "history",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/history/v1/webinars/{webinarId}`: Get Historical Webinar
pub static RCW_HISTORY_GET_WEBINAR: Operation = Operation {
    id: "rcwHistoryGetWebinar",
    method: Method::GET,
    path: "/webinar/history/v1/webinars/{webinarId}",
    group: ThrottleGroup::Heavy,
    resource: "history",
    scope: "history",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/history/v1/webinars/{webinarId}/sessions/{sessionId}`: Get Historical Webinar Session
pub static RCW_HISTORY_GET_SESSION: Operation = Operation {
    id: "rcwHistoryGetSession",
    method: Method::GET,
    path: "/webinar/history/v1/webinars/{webinarId}/sessions/{sessionId}",
    group: ThrottleGroup::Heavy,
    resource: "history",
    scope: "history",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/history/v1/webinars/{webinarId}/sessions/{sessionId}/invitees`: List Session Invitees
pub static RCW_HISTORY_LIST_INVITEES: Operation = Operation {
    id: "rcwHistoryListInvitees",
    method: Method::GET,
    path: "/webinar/history/v1/webinars/{webinarId}/sessions/{sessionId}/invitees",
    group: ThrottleGroup::Heavy,
    resource: "history",
    scope: "history",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/history/v1/webinars/{webinarId}/sessions/{sessionId}/invitees/{inviteeId}`: Get Session Invitee
pub static RCW_HISTORY_GET_INVITEE: Operation = Operation {
    id: "rcwHistoryGetInvitee",
    method: Method::GET,
    path: "/webinar/history/v1/webinars/{webinarId}/sessions/{sessionId}/invitees/{inviteeId}",
    group: ThrottleGroup::Heavy,
    resource: "history",
    scope: "history",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/history/v1/webinars/{webinarId}/sessions/{sessionId}/participants`: List Session Participants
pub static RCW_HISTORY_LIST_PARTICIPANTS: Operation = Operation {
    id: "rcwHistoryListParticipants",
    method: Method::GET,
    path: "/webinar/history/v1/webinars/{webinarId}/sessions/{sessionId}/participants",
    group: ThrottleGroup::Heavy,
    resource: "history",
    scope: "history",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/history/v1/webinars/{webinarId}/sessions/{sessionId}/participants/self`: Get Participant Information
pub static RCW_HISTORY_GET_PARTICIPANT_INFO: Operation = Operation {
    id: "rcwHistoryGetParticipantInfo",
    method: Method::GET,
    path: "/webinar/history/v1/webinars/{webinarId}/sessions/{sessionId}/participants/self",
    group: ThrottleGroup::Heavy,
    resource: "history",
    scope: "history",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/notifications/v1/subscriptions`: List Webinar Subscriptions
pub static RCW_N11S_LIST_SUBSCRIPTIONS: Operation = Operation {
    id: "rcwN11sListSubscriptions",
    method: Method::GET,
    path: "/webinar/notifications/v1/subscriptions",
    group: ThrottleGroup::Light,
    resource: "notifications",
    scope: "notifications",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /webinar/notifications/v1/subscriptions`: Create Webinar Subscription
pub static RCW_N11S_CREATE_SUBSCRIPTION: Operation = Operation {
    id: "rcwN11sCreateSubscription",
    method: Method::POST,
    path: "/webinar/notifications/v1/subscriptions",
    group: ThrottleGroup::Medium,
    resource: "notifications",
    scope: "notifications",
    permission: None,
    user_permission: None,
    request_media: &["application/json"],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/notifications/v1/subscriptions/{subscriptionId}`: Get Webinar Subscription
pub static RCW_N11S_GET_SUBSCRIPTION: Operation = Operation {
    id: "rcwN11sGetSubscription",
    method: Method::GET,
    path: "/webinar/notifications/v1/subscriptions/{subscriptionId}",
    group: ThrottleGroup::Light,
    resource: "notifications",
    scope: "notifications",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PUT /webinar/notifications/v1/subscriptions/{subscriptionId}`: Update Webinar Subscription
pub static RCW_N11S_UPDATE_SUBSCRIPTION: Operation = Operation {
    id: "rcwN11sUpdateSubscription",
    method: Method::PUT,
    path: "/webinar/notifications/v1/subscriptions/{subscriptionId}",
    group: ThrottleGroup::Medium,
    resource: "notifications",
    scope: "notifications",
    permission: None,
    user_permission: None,
    request_media: &["application/json"],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /webinar/notifications/v1/subscriptions/{subscriptionId}`: Cancel Webinar Subscription
pub static RCW_N11S_DELETE_SUBSCRIPTION: Operation = Operation {
    id: "rcwN11sDeleteSubscription",
    method: Method::DELETE,
    path: "/webinar/notifications/v1/subscriptions/{subscriptionId}",
    group: ThrottleGroup::Medium,
    resource: "notifications",
    scope: "notifications",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /webinar/notifications/v1/subscriptions/{subscriptionId}/renew`: Renew Webinar Subscription
pub static RCW_N11S_RENEW_SUBSCRIPTION: Operation = Operation {
    id: "rcwN11sRenewSubscription",
    method: Method::POST,
    path: "/webinar/notifications/v1/subscriptions/{subscriptionId}/renew",
    group: ThrottleGroup::Light,
    resource: "notifications",
    scope: "notifications",
    permission: None,
    user_permission: None,
    request_media: &[],
    max_body: Some(104857600),
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/registration/v1/sessions/{sessionId}`: Get Registration Session Info
pub static RCW_REG_GET_SESSION: Operation = Operation {
    id: "rcwRegGetSession",
    method: Method::GET,
    path: "/webinar/registration/v1/sessions/{sessionId}",
    group: ThrottleGroup::Heavy,
    resource: "registration",
    scope: "registration",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `PATCH /webinar/registration/v1/sessions/{sessionId}`: Update Registration Session
pub static RCW_REG_UPDATE_SESSION: Operation = Operation {
    id: "rcwRegUpdateSession",
    method: Method::PATCH,
    path: "/webinar/registration/v1/sessions/{sessionId}",
    group: ThrottleGroup::Heavy,
    resource: "registration",
    scope: "registration",
    permission: Some("EditWebinars"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/registration/v1/sessions/{sessionId}/registrants`: List Session Registrants
pub static RCW_REG_LIST_REGISTRANTS: Operation = Operation {
    id: "rcwRegListRegistrants",
    method: Method::GET,
    path: "/webinar/registration/v1/sessions/{sessionId}/registrants",
    group: ThrottleGroup::Heavy,
    resource: "registration",
    scope: "registration",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `POST /webinar/registration/v1/sessions/{sessionId}/registrants`: Create Registrant
pub static RCW_REG_CREATE_REGISTRANT: Operation = Operation {
    id: "rcwRegCreateRegistrant",
    method: Method::POST,
    path: "/webinar/registration/v1/sessions/{sessionId}/registrants",
    group: ThrottleGroup::Heavy,
    resource: "registration",
    scope: "registration",
    permission: Some("EditWebinars"),
    user_permission: None,
    request_media: &["application/json"],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `GET /webinar/registration/v1/sessions/{sessionId}/registrants/{registrantId}`: Get Registrant
pub static RCW_REG_GET_REGISTRANT: Operation = Operation {
    id: "rcwRegGetRegistrant",
    method: Method::GET,
    path: "/webinar/registration/v1/sessions/{sessionId}/registrants/{registrantId}",
    group: ThrottleGroup::Heavy,
    resource: "registration",
    scope: "registration",
    permission: Some("ReadWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// `DELETE /webinar/registration/v1/sessions/{sessionId}/registrants/{registrantId}`: Delete Registrant
pub static RCW_REG_DELETE_REGISTRANT: Operation = Operation {
    id: "rcwRegDeleteRegistrant",
    method: Method::DELETE,
    path: "/webinar/registration/v1/sessions/{sessionId}/registrants/{registrantId}",
    group: ThrottleGroup::Heavy,
    resource: "registration",
    scope: "registration",
    permission: Some("EditWebinars"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// Every operation of the spec, by path template and method.
pub static SPEC: &[&Operation] = &[
    &READ_OPEN_ID_CONFIGURATION,
    &CAI_SPEAKER_DIARIZE,
    &CAI_SPEECH_TO_TEXT,
    &CAI_ANALYZE_INTERACTION,
    &GET_RECORDING_INSIGHTS,
    &GET_SESSION_INSIGHTS,
    &CAI_JOB_STATUS_GET,
    &CAI_PUNCTUATE,
    &CAI_SUMMARIZE,
    &ANALYTICS_CALLS_AGGREGATION_FETCH,
    &ANALYTICS_CALLS_TIMELINE_FETCH,
    &GET_EXTENSION_RECORDINGS,
    &GET_ACCOUNT_RECORDINGS,
    &RCV_LIST_DELEGATORS,
    &LIST_ACCOUNT_MEETINGS,
    &LIST_VIDEO_MEETINGS,
    &GET_VIDEO_MEETING,
    &CREATE_BRIDGE,
    &GET_DEFAULT_BRIDGE,
    &GET_BRIDGE_BY_PSTN_PIN,
    &GET_BRIDGE_BY_WEB_PIN,
    &GET_BRIDGE,
    &UPDATE_BRIDGE,
    &DELETE_BRIDGE,
    &READ_API_VERSIONS,
    &AUTHORIZE,
    &AUTHORIZE_2,
    &AUTH_JWKS,
    &REVOKE_TOKEN,
    &GET_TOKEN,
    &AUTH_USER_INFO,
    &AUTH_WS_TOKEN,
    &READ_ACCOUNT_INFO,
    &LIST_A2_P_BATCHES,
    &CREATE_A2_PSMS,
    &READ_A2_P_BATCH,
    &LIST_A2_PSMS,
    &READ_A2_PSMS,
    &READ_A2_PSMS_OPT_OUTS,
    &ADD_A2_PSMS_OPT_OUTS,
    &AGGREGATE_A2_PSMS_STATUSES,
    &LIST_COMPANY_ACTIVE_CALLS,
    &ADDRESS_BOOK_BULK_UPLOAD,
    &GET_ADDRESS_BOOK_BULK_UPLOAD_TASK,
    &LIST_COMPANY_ANSWERING_RULES,
    &CREATE_COMPANY_ANSWERING_RULE,
    &READ_COMPANY_ANSWERING_RULE,
    &UPDATE_COMPANY_ANSWERING_RULE,
    &DELETE_COMPANY_ANSWERING_RULE,
    &LIST_ASSIGNED_ROLES,
    &AUDIT_TRAIL_SEARCH,
    &READ_ACCOUNT_BUSINESS_ADDRESS,
    &UPDATE_ACCOUNT_BUSINESS_ADDRESS,
    &READ_COMPANY_BUSINESS_HOURS,
    &UPDATE_COMPANY_BUSINESS_HOURS,
    &READ_COMPANY_CALL_LOG,
    &EXTRACT_SYNC_ACCOUNT_CALL_LOG,
    &SYNC_ACCOUNT_CALL_LOG,
    &READ_COMPANY_CALL_RECORD,
    &LIST_CALL_MONITORING_GROUPS,
    &CREATE_CALL_MONITORING_GROUP,
    &UPDATE_CALL_MONITORING_GROUP,
    &DELETE_CALL_MONITORING_GROUP,
    &UPDATE_CALL_MONITORING_GROUP_LIST,
    &LIST_CALL_MONITORING_GROUP_MEMBERS,
    &LIST_CALL_QUEUES,
    &READ_CALL_QUEUE_INFO,
    &UPDATE_CALL_QUEUE_INFO,
    &ASSIGN_MULTIPLE_CALL_QUEUE_MEMBERS,
    &LIST_CALL_QUEUE_MEMBERS,
    &READ_CALL_QUEUE_PRESENCE,
    &UPDATE_CALL_QUEUE_PRESENCE,
    &READ_CALL_RECORDING_SETTINGS,
    &UPDATE_CALL_RECORDING_SETTINGS,
    &UPDATE_CALL_RECORDING_EXTENSIONS,
    &LIST_CALL_RECORDING_CUSTOM_GREETINGS,
    &DELETE_CALL_RECORDING_CUSTOM_GREETINGS,
    &DELETE_CALL_RECORDING_CUSTOM_GREETING,
    &LIST_CALL_RECORDING_EXTENSIONS,
    &DELETE_COMPANY_CALL_RECORDINGS,
    &LIST_CUSTOM_FIELDS,
    &CREATE_CUSTOM_FIELD,
    &UPDATE_CUSTOM_FIELD,
    &DELETE_CUSTOM_FIELD,
    &ASSIGN_MULTIPLE_DEPARTMENT_MEMBERS,
    &LIST_DEPARTMENT_MEMBERS,
    &READ_DEVICE,
    &UPDATE_DEVICE,
    &UPDATE_DEVICE_EMERGENCY,
    &READ_DEVICE_SIP_INFO,
    &LIST_DIRECTORY_ENTRIES,
    &SEARCH_DIRECTORY_ENTRIES,
    &READ_DIRECTORY_ENTRY,
    &READ_DIRECTORY_FEDERATION,
    &LIST_DEVICES_AUTOMATIC_LOCATION_UPDATES,
    &ASSIGN_MULTIPLE_DEVICES_AUTOMATIC_LOCATION_UPDATES,
    &LIST_NETWORKS,
    &CREATE_NETWORK,
    &READ_NETWORK,
    &UPDATE_NETWORK,
    &DELETE_NETWORK,
    &LIST_ACCOUNT_SWITCHES,
    &CREATE_SWITCH,
    &CREATE_MULTIPLE_SWITCHES,
    &UPDATE_MULTIPLE_SWITCHES,
    &VALIDATE_MULTIPLE_SWITCHES,
    &READ_SWITCH,
    &UPDATE_SWITCH,
    &DELETE_SWITCH,
    &READ_AUTOMATIC_LOCATION_UPDATES_TASK,
    &LIST_AUTOMATIC_LOCATION_UPDATES_USERS,
    &ASSIGN_MULTIPLE_AUTOMATIC_LOCATION_UPDATES_USERS,
    &LIST_WIRELESS_POINTS,
    &CREATE_WIRELESS_POINT,
    &CREATE_MULTIPLE_WIRELESS_POINTS,
    &UPDATE_MULTIPLE_WIRELESS_POINTS,
    &VALIDATE_MULTIPLE_WIRELESS_POINTS,
    &READ_WIRELESS_POINT,
    &UPDATE_WIRELESS_POINT,
    &DELETE_WIRELESS_POINT,
    &LIST_EMERGENCY_LOCATIONS,
    &CREATE_EMERGENCY_LOCATION,
    &READ_EMERGENCY_LOCATION,
    &UPDATE_EMERGENCY_LOCATION,
    &DELETE_EMERGENCY_LOCATION,
    &LIST_EXTENSIONS,
    &CREATE_EXTENSION,
    &EXTENSION_BULK_UPDATE,
    &GET_EXTENSION_BULK_UPDATE_TASK,
    &GET_CALL_QUEUE_OVERFLOW_SETTINGS,
    &UPDATE_CALL_QUEUE_OVERFLOW_SETTINGS,
    &READ_EXTENSION,
    &UPDATE_EXTENSION,
    &DELETE_EXTENSION,
    &LIST_EXTENSION_ACTIVE_CALLS,
    &SYNC_ADDRESS_BOOK,
    &LIST_CONTACTS,
    &CREATE_CONTACT,
    &READ_CONTACT,
    &UPDATE_CONTACT,
    &PATCH_CONTACT,
    &DELETE_CONTACT,
    &LIST_ADMINISTERED_SITES,
    &UPDATE_USER_ADMINISTERED_SITES,
    &LIST_ANSWERING_RULES,
    &CREATE_ANSWERING_RULE,
    &READ_ANSWERING_RULE,
    &UPDATE_ANSWERING_RULE,
    &DELETE_ANSWERING_RULE,
    &LIST_OF_AVAILABLE_FOR_ASSIGNING_ROLES,
    &LIST_USER_ASSIGNED_ROLES,
    &UPDATE_USER_ASSIGNED_ROLES,
    &ASSIGN_DEFAULT_ROLE,
    &READ_AUTHORIZATION_PROFILE,
    &CHECK_USER_PERMISSION,
    &READ_USER_BUSINESS_HOURS,
    &UPDATE_USER_BUSINESS_HOURS,
    &READ_USER_CALL_LOG,
    &DELETE_USER_CALL_LOG,
    &SYNC_USER_CALL_LOG,
    &READ_USER_CALL_RECORD,
    &READ_EXTENSION_CALL_QUEUE_PRESENCE,
    &UPDATE_EXTENSION_CALL_QUEUE_PRESENCE,
    &UPDATE_USER_CALL_QUEUES,
    &READ_CALLER_BLOCKING_SETTINGS,
    &UPDATE_CALLER_BLOCKING_SETTINGS,
    &LIST_BLOCKED_ALLOWED_NUMBERS,
    &CREATE_BLOCKED_ALLOWED_NUMBER,
    &READ_BLOCKED_ALLOWED_NUMBER,
    &UPDATE_BLOCKED_ALLOWED_NUMBER,
    &DELETE_BLOCKED_ALLOWED_NUMBER,
    &READ_EXTENSION_CALLER_ID,
    &UPDATE_EXTENSION_CALLER_ID,
    &CREATE_INTERNAL_TEXT_MESSAGE,
    &READ_CONFERENCING_SETTINGS,
    &UPDATE_CONFERENCING_SETTINGS,
    &LIST_EXTENSION_DEVICES,
    &GET_EXTENSION_EMERGENCY_LOCATIONS,
    &CREATE_EXTENSION_EMERGENCY_LOCATION,
    &GET_EXTENSION_EMERGENCY_LOCATION,
    &UPDATE_EXTENSION_EMERGENCY_LOCATION,
    &DELETE_EXTENSION_EMERGENCY_LOCATION,
    &LIST_FAVORITE_CONTACTS,
    &UPDATE_FAVORITE_CONTACT_LIST,
    &CREATE_FAX_MESSAGE,
    &READ_EXTENSION_FEATURES,
    &LIST_FORWARDING_NUMBERS,
    &CREATE_FORWARDING_NUMBER,
    &DELETE_FORWARDING_NUMBERS,
    &READ_FORWARDING_NUMBER,
    &UPDATE_FORWARDING_NUMBER,
    &DELETE_FORWARDING_NUMBER,
    &LIST_EXTENSION_GRANTS,
    &CREATE_CUSTOM_USER_GREETING,
    &READ_HOLD_MUSIC_GREETING,
    &READ_CUSTOM_GREETING,
    &READ_GREETING_CONTENT,
    &LIST_MESSAGES,
    &DELETE_MESSAGE_BY_FILTER,
    &LIST_USER_MESSAGE_TEMPLATES,
    &CREATE_USER_MESSAGE_TEMPLATE,
    &READ_USER_MESSAGE_TEMPLATE,
    &UPDATE_USER_MESSAGE_TEMPLATE,
    &DELETE_USER_MESSAGE_TEMPLATE,
    &READ_MESSAGE,
    &UPDATE_MESSAGE,
    &PATCH_MESSAGE,
    &DELETE_MESSAGE,
    &READ_MESSAGE_CONTENT,
    &SYNC_MESSAGES,
    &CREATE_MMS,
    &READ_NOTIFICATION_SETTINGS,
    &UPDATE_NOTIFICATION_SETTINGS,
    &LIST_EXTENSION_PHONE_NUMBERS,
    &SMS_CONFIGURATION_INFO,
    &READ_USER_PRESENCE_STATUS,
    &UPDATE_USER_PRESENCE_STATUS,
    &READ_USER_PROFILE_IMAGE_LEGACY,
    &CREATE_USER_PROFILE_IMAGE,
    &UPDATE_USER_PROFILE_IMAGE,
    &DELETE_USER_PROFILE_IMAGE,
    &READ_SCALED_PROFILE_IMAGE,
    &CREATE_RING_OUT_CALL,
    &READ_RING_OUT_CALL_STATUS,
    &DELETE_RING_OUT_CALL,
    &CREATE_SMS_MESSAGE,
    &GET_SMS_RECIPIENTS,
    &BULK_ASSIGN_SMS_RECIPIENTS,
    &READ_UNIFIED_PRESENCE,
    &UPDATE_UNIFIED_PRESENCE,
    &READ_USER_VIDEO_CONFIGURATION,
    &LIST_WEB_APP_DEVICES,
    &GET_FORWARD_ALL_COMPANY_CALLS,
    &UPDATE_FORWARD_ALL_COMPANY_CALLS,
    &CREATE_COMPANY_GREETING,
    &READ_ACCOUNT_GREETING_CONTENT,
    &READ_IVR_MENU_LIST,
    &CREATE_IVR_MENU,
    &READ_IVR_MENU,
    &UPDATE_IVR_MENU,
    &LIST_IVR_PROMPTS,
    &CREATE_IVR_PROMPT,
    &READ_IVR_PROMPT,
    &UPDATE_IVR_PROMPT,
    &DELETE_IVR_PROMPT,
    &READ_IVR_PROMPT_CONTENT,
    &READ_MESSAGE_STORE_CONFIGURATION,
    &UPDATE_MESSAGE_STORE_CONFIGURATION,
    &CREATE_MESSAGE_STORE_REPORT,
    &READ_MESSAGE_STORE_REPORT_TASK,
    &READ_MESSAGE_STORE_REPORT_ARCHIVE,
    &LIST_COMPANY_MESSAGE_TEMPLATES,
    &CREATE_COMPANY_MESSAGE_TEMPLATE,
    &READ_COMPANY_MESSAGE_TEMPLATE,
    &UPDATE_COMPANY_MESSAGE_TEMPLATE,
    &DELETE_COMPANY_MESSAGE_TEMPLATE,
    &MTH_LIST_THREADS,
    &MTH_SYNC_ENTRIES,
    &MTH_LIST_MESSAGES,
    &MTH_SEND_MESSAGE,
    &MTH_DELETE_MESSAGES,
    &MTH_READ_MESSAGE_CONTENT,
    &MTH_LIST_NOTES,
    &MTH_CREATE_NOTE,
    &MTH_DELETE_NOTES,
    &MTH_UPDATE_NOTE,
    &MTH_SYNC_THREADS,
    &MTH_GET_THREAD,
    &MTH_DELETE_THREAD,
    &MTH_ASSIGN_THREAD,
    &MTH_RESOLVE_THREAD,
    &LIST_TEAMS_USERS,
    &CONNECT_TEAMS_USERS,
    &DISCONNECT_TEAMS_USERS,
    &ASSIGN_MULTIPLE_PAGING_GROUP_USERS_DEVICES,
    &LIST_PAGING_GROUP_DEVICES,
    &LIST_PAGING_GROUP_USERS,
    &LIST_ACCOUNT_PHONE_NUMBERS,
    &READ_ACCOUNT_PHONE_NUMBER,
    &READ_ACCOUNT_PRESENCE,
    &READ_CALL_RECORDING,
    &READ_CALL_RECORDING_CONTENT,
    &READ_ACCOUNT_SERVICE_INFO,
    &LIST_SITES,
    &CREATE_SITE,
    &READ_SITE,
    &UPDATE_SITE,
    &DELETE_SITE,
    &ASSIGN_MULTIPLE_SITES,
    &READ_SITE_IVR_SETTINGS,
    &UPDATE_SITE_IVR_SETTINGS,
    &LIST_SITE_MEMBERS,
    &LIST_ALL_TCR_BRANDS,
    &FIND_TCR_BRAND_BY_ID,
    &LIST_ALL_TCR_CAMPAIGNS,
    &FIND_TCR_CAMPAIGN_BY_ID,
    &LINK_NUMBERS,
    &CREATE_CALL_OUT_CALL_SESSION,
    &CREATE_CONFERENCE_CALL_SESSION,
    &READ_CALL_SESSION_STATUS,
    &DELETE_CALL_SESSION,
    &CREATE_CALL_PARTY_WITH_BRING_IN,
    &READ_CALL_PARTY_STATUS,
    &UPDATE_CALL_PARTY,
    &DELETE_CALL_PARTY,
    &ANSWER_CALL_PARTY,
    &BRIDGE_CALL_PARTY,
    &CALL_FLIP_PARTY,
    &FORWARD_CALL_PARTY,
    &HOLD_CALL_PARTY,
    &IGNORE_CALL_IN_QUEUE,
    &CALL_PARK_PARTY,
    &PICKUP_CALL_PARTY,
    &START_CALL_RECORDING,
    &PAUSE_RESUME_CALL_RECORDING,
    &REJECT_PARTY,
    &REPLY_PARTY,
    &SUPERVISE_CALL_PARTY,
    &TRANSFER_CALL_PARTY,
    &UNHOLD_CALL_PARTY,
    &SUPERVISE_CALL_SESSION,
    &LIST_USER_TEMPLATES,
    &READ_USER_TEMPLATE,
    &LIST_USER_ROLES,
    &CREATE_CUSTOM_ROLE,
    &READ_DEFAULT_ROLE,
    &UPDATE_DEFAULT_USER_ROLE,
    &READ_USER_ROLE,
    &UPDATE_USER_ROLE,
    &DELETE_CUSTOM_ROLE,
    &ASSIGN_MULTIPLE_USER_ROLES,
    &CREATE_SIP_REGISTRATION,
    &LIST_CONTRACTED_COUNTRIES,
    &LIST_DOMESTIC_COUNTRIES,
    &LIST_COUNTRIES,
    &READ_COUNTRY,
    &LIST_FAX_COVER_PAGES,
    &LIST_STANDARD_GREETINGS,
    &READ_STANDARD_GREETING,
    &LIST_LANGUAGES,
    &READ_LANGUAGE,
    &LIST_LOCATIONS,
    &LIST_PERMISSIONS,
    &LIST_PERMISSION_CATEGORIES,
    &READ_PERMISSION_CATEGORY,
    &READ_PERMISSION,
    &LIST_STATES,
    &READ_STATE,
    &LIST_TIMEZONES,
    &READ_TIMEZONE,
    &LIST_STANDARD_USER_ROLE,
    &READ_STANDARD_USER_ROLE,
    &PARSE_PHONE_NUMBER,
    &LIST_SUBSCRIPTIONS,
    &CREATE_SUBSCRIPTION,
    &READ_SUBSCRIPTION,
    &UPDATE_SUBSCRIPTION,
    &DELETE_SUBSCRIPTION,
    &RENEW_SUBSCRIPTION,
    &GET_ACCOUNT_INFO_V2,
    &POST_BATCH_PROVISION_USERS,
    &LIST_COST_CENTERS,
    &ADD_DEVICE_TO_INVENTORY,
    &DELETE_DEVICE_FROM_INVENTORY,
    &BULK_ADD_DEVICES_V2,
    &REMOVE_LINE_JWS_PUBLIC,
    &BULK_DELETE_USERS_V2,
    &READ_CALL_FLIP_SETTINGS,
    &UPDATE_CALL_FLIP_SETTINGS,
    &LIST_CIC_STATES,
    &READ_CIC_STATE,
    &UPDATE_CIC_STATE,
    &READ_FORWARDING_TARGETS,
    &DELETE_FORWARDING_TARGETS,
    &LIST_EXTENSIONS_USING_FORWARDING_DEVICE_TARGET,
    &LIST_VOICE_INTERACTION_RULES,
    &CREATE_VOICE_INTERACTION_RULE,
    &READ_VOICE_INTERACTION_RULE,
    &UPDATE_VOICE_INTERACTION_RULE,
    &DELETE_VOICE_INTERACTION_RULE,
    &LIST_VOICE_STATE_BASED_RULES,
    &READ_VOICE_STATE_BASED_RULE,
    &UPDATE_VOICE_STATE_BASED_RULE,
    &REPLACE_DEVICES_JWS_PUBLIC,
    &LIST_ACCOUNT_PHONE_NUMBERS_V2,
    &DELETE_NUMBERS_FROM_INVENTORY_V2,
    &ADD_NUMBERS_TO_INVENTORY_V2,
    &GET_BULK_ADD_TASK_RESULTS_V2,
    &ASSIGN_PHONE_NUMBER_V2,
    &REPLACE_PHONE_NUMBER_V2,
    &GET_ACCOUNT_REGIONAL_SETTINGS,
    &PATCH_ACCOUNT_REGIONAL_SETTINGS,
    &SEND_ACTIVATION_EMAIL_V2,
    &SEND_WELCOME_EMAIL_V2,
    &LIST_SMS_CONSENT_RECORDS,
    &EDIT_SMS_CONSENT_RECORDS,
    &EXPORT_SMS_CONSENT_RECORDS,
    &LIST_SMS_CONSENT_HISTORY_RECORDS,
    &SEARCH_SMS_CONSENT_RECORDS,
    &PARSE_PHONE_NUMBER_V2,
    &READ_API_VERSION,
    &SCIM_LIST_RESOURCE_TYPES_2,
    &SCIM_GET_RESOURCE_TYPE_2,
    &SCIM_LIST_SCHEMAS_2,
    &SCIM_GET_SCHEMA_2,
    &SCIM_GET_PROVIDER_CONFIG_2,
    &SCIM_SEARCH_VIA_GET_2,
    &SCIM_CREATE_USER_2,
    &SCIM_SEARCH_VIA_POST_2,
    &SCIM_GET_USER_2,
    &SCIM_UPDATE_USER_2,
    &SCIM_PATCH_USER_2,
    &SCIM_DELETE_USER_2,
    &GET_GLIP_ADAPTIVE_CARD_NEW,
    &UPDATE_GLIP_ADAPTIVE_CARD_NEW,
    &DELETE_GLIP_ADAPTIVE_CARD_NEW,
    &LIST_GLIP_CHATS_NEW,
    &READ_GLIP_CHAT_NEW,
    &CREATE_GLIP_ADAPTIVE_CARD_NEW,
    &FAVORITE_GLIP_CHAT_NEW,
    &LIST_CHAT_NOTES_NEW,
    &CREATE_CHAT_NOTE_NEW,
    &READ_GLIP_POSTS_NEW,
    &CREATE_GLIP_POST_NEW,
    &READ_GLIP_POST_NEW,
    &PATCH_GLIP_POST_NEW,
    &DELETE_GLIP_POST_NEW,
    &LIST_CHAT_TASKS_NEW,
    &CREATE_TASK_NEW,
    &READ_GLIP_THREAD_POSTS_NEW,
    &UNFAVORITE_GLIP_CHAT_NEW,
    &READ_TM_COMPANY_INFO_NEW,
    &LIST_GLIP_CONVERSATIONS_NEW,
    &CREATE_GLIP_CONVERSATION_NEW,
    &READ_GLIP_CONVERSATION_NEW,
    &LIST_DATA_EXPORT_TASKS_NEW,
    &CREATE_DATA_EXPORT_TASK_NEW,
    &READ_DATA_EXPORT_TASK_NEW,
    &READ_GLIP_EVENTS_NEW,
    &CREATE_EVENT_NEW,
    &READ_EVENT_NEW,
    &UPDATE_EVENT_NEW,
    &DELETE_EVENT_NEW,
    &READ_GLIP_EVERYONE_NEW,
    &PATCH_GLIP_EVERYONE_NEW,
    &LIST_FAVORITE_CHATS_NEW,
    &CREATE_GLIP_FILE_NEW,
    &LIST_GROUP_EVENTS_NEW,
    &CREATE_EVENT_BY_GROUP_ID_NEW,
    &LIST_GLIP_GROUP_WEBHOOKS_NEW,
    &CREATE_GLIP_GROUP_WEBHOOK_NEW,
    &READ_USER_NOTE_NEW,
    &PATCH_NOTE_NEW,
    &DELETE_NOTE_NEW,
    &LOCK_NOTE_NEW,
    &PUBLISH_NOTE_NEW,
    &UNLOCK_NOTE_NEW,
    &READ_GLIP_PERSON_NEW,
    &LIST_RECENT_CHATS_NEW,
    &READ_TASK_NEW,
    &PATCH_TASK_NEW,
    &DELETE_TASK_NEW,
    &COMPLETE_TASK_NEW,
    &LIST_GLIP_TEAMS_NEW,
    &CREATE_GLIP_TEAM_NEW,
    &READ_GLIP_TEAM_NEW,
    &PATCH_GLIP_TEAM_NEW,
    &DELETE_GLIP_TEAM_NEW,
    &ADD_GLIP_TEAM_MEMBERS_NEW,
    &ARCHIVE_GLIP_TEAM_NEW,
    &JOIN_GLIP_TEAM_NEW,
    &LEAVE_GLIP_TEAM_NEW,
    &REMOVE_GLIP_TEAM_MEMBERS_NEW,
    &UNARCHIVE_GLIP_TEAM_NEW,
    &LIST_GLIP_WEBHOOKS_NEW,
    &READ_GLIP_WEBHOOK_NEW,
    &DELETE_GLIP_WEBHOOK_NEW,
    &ACTIVATE_GLIP_WEBHOOK_NEW,
    &SUSPEND_GLIP_WEBHOOK_NEW,
    &RCW_CONFIG_LIST_ALL_COMPANY_SESSIONS,
    &RCW_CONFIG_LIST_ALL_SESSIONS,
    &RCW_CONFIG_LIST_WEBINARS,
    &RCW_CONFIG_CREATE_WEBINAR,
    &RCW_CONFIG_GET_WEBINAR,
    &RCW_CONFIG_UPDATE_WEBINAR,
    &RCW_CONFIG_DELETE_WEBINAR,
    &RCW_CONFIG_CREATE_SESSION,
    &RCW_CONFIG_GET_SESSION,
    &RCW_CONFIG_UPDATE_SESSION,
    &RCW_CONFIG_DELETE_SESSION,
    &RCW_CONFIG_LIST_INVITEES,
    &RCW_CONFIG_UPDATE_INVITEES,
    &RCW_CONFIG_GET_INVITEE,
    &RCW_CONFIG_UPDATE_INVITEE,
    &RCW_CONFIG_DELETE_INVITEE,
    &RCW_HISTORY_ADMIN_LIST_RECORDINGS,
    &RCW_HISTORY_ADMIN_GET_RECORDING,
    &RCW_HISTORY_LIST_ALL_COMPANY_SESSIONS,
    &RCW_HISTORY_LIST_RECORDINGS,
    &RCW_HISTORY_GET_RECORDING,
    &RCW_HISTORY_GET_RECORDING_DOWNLOAD,
    &RCW_HISTORY_LIST_ALL_SESSIONS,
    &RCW_HISTORY_GET_WEBINAR,
    &RCW_HISTORY_GET_SESSION,
    &RCW_HISTORY_LIST_INVITEES,
    &RCW_HISTORY_GET_INVITEE,
    &RCW_HISTORY_LIST_PARTICIPANTS,
    &RCW_HISTORY_GET_PARTICIPANT_INFO,
    &RCW_N11S_LIST_SUBSCRIPTIONS,
    &RCW_N11S_CREATE_SUBSCRIPTION,
    &RCW_N11S_GET_SUBSCRIPTION,
    &RCW_N11S_UPDATE_SUBSCRIPTION,
    &RCW_N11S_DELETE_SUBSCRIPTION,
    &RCW_N11S_RENEW_SUBSCRIPTION,
    &RCW_REG_GET_SESSION,
    &RCW_REG_UPDATE_SESSION,
    &RCW_REG_LIST_REGISTRANTS,
    &RCW_REG_CREATE_REGISTRANT,
    &RCW_REG_GET_REGISTRANT,
    &RCW_REG_DELETE_REGISTRANT,
];
