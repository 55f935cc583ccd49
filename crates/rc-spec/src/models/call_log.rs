use super::model;

model! {
    /// `CallLogFromParty` / `CallLogToParty`.
    pub struct CallLogParty {
        pub phone_number: Option<String>,
        pub extension_number: Option<String>,
        pub extension_id: Option<String>,
        pub name: Option<String>,
        pub location: Option<String>,
    }
}

model! {
    /// `ExtensionInfoCallLog`.
    pub struct CallLogExtension {
        pub id: Option<i64>,
        pub uri: Option<String>,
    }
}

model! {
    /// `CallLogRecordingInfo`.
    pub struct CallLogRecording {
        pub id: Option<String>,
        pub uri: Option<String>,
        pub r#type: Option<String>,
        pub content_uri: Option<String>,
    }
}

model! {
    /// `CallLogRecordLegInfo`.
    pub struct CallLogLeg {
        pub start_time: Option<String>,
        pub duration: Option<i64>,
        pub r#type: Option<String>,
        pub direction: Option<String>,
        pub action: Option<String>,
        pub result: Option<String>,
        pub from: Option<CallLogParty>,
        pub to: Option<CallLogParty>,
        pub leg_type: Option<String>,
        pub transport: Option<String>,
        pub extension: Option<CallLogExtension>,
        pub master: Option<bool>,
    }
}

model! {
    /// `CallLogRecord`.
    pub struct CallLogRecord {
        pub id: Option<String>,
        pub uri: Option<String>,
        pub session_id: Option<String>,
        pub telephony_session_id: Option<String>,
        pub start_time: Option<String>,
        pub duration: Option<i64>,
        pub duration_ms: Option<i64>,
        pub r#type: Option<String>,
        pub direction: Option<String>,
        pub action: Option<String>,
        pub result: Option<String>,
        pub reason: Option<String>,
        pub from: Option<CallLogParty>,
        pub to: Option<CallLogParty>,
        pub extension: Option<CallLogExtension>,
        pub transport: Option<String>,
        pub recording: Option<CallLogRecording>,
        pub legs: Vec<CallLogLeg>,
        pub last_modified_time: Option<String>,
    }
}
