//! `CallQueueService`. A queue is an extension of type Department: creation is two
//! RingCentral calls (create the extension, then bulk-assign members), and a failure
//! of the second is reported with the id the first one created.

use tonic::{Request, Response, Status};

use super::convert::{self, RcEnum};
use super::validate;
use crate::context::CallContext;
use crate::error::{Error, Result};
use crate::proto::v1 as pb;
use crate::proto::v1::call_queue_service_server::CallQueueService;
use crate::ringcentral::RingCentral;
use crate::ringcentral::models as rc;

/// RingCentral's `CallQueueAlertTimerEnum`.
const ALERT_TIMERS: &[i32] = &[
    5, 10, 15, 20, 30, 45, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600,
];

pub struct CallQueueApi {
    rc: RingCentral,
}

impl CallQueueApi {
    pub fn new(rc: RingCentral) -> Self {
        CallQueueApi { rc }
    }
}

fn queue_id(value: &str) -> Result<()> {
    if validate::numeric_id(value) {
        Ok(())
    } else {
        Err(Error::invalid(
            "queueId",
            "queueId must be a RingCentral id (digits)",
        ))
    }
}

fn extension_ids(field: &str, ids: &[String]) -> Result<()> {
    for id in ids {
        if !validate::numeric_id(id) {
            return Err(Error::invalid(
                field,
                format!("{field} must hold RingCentral extension ids (digits), not {id:?}"),
            ));
        }
    }
    Ok(())
}

#[tonic::async_trait]
impl CallQueueService for CallQueueApi {
    async fn create_call_queue(
        &self,
        request: Request<pb::CreateCallQueueRequest>,
    ) -> Result<Response<pb::CallQueue>, Status> {
        let ctx = CallContext::of(&request);
        let req = request.into_inner();
        validate::required_text("name", &req.name, 64)?;
        if req.email.is_empty() {
            return Err(Error::invalid(
                "email",
                "email is required: RingCentral needs a contact email for a call queue",
            )
            .into());
        }
        validate::email("email", &req.email)?;
        if !req.extension_number.is_empty() {
            validate::extension_number("extensionNumber", &req.extension_number)?;
        }
        let members: Vec<String> = req.members.into_iter().map(|m| m.id).collect();
        extension_ids("members.id", &members)?;
        let site = match req.site.map(|s| s.id).filter(|id| !id.is_empty()) {
            Some(id) if id == "main-site" || validate::numeric_id(&id) => {
                Some(rc::IdRef { id: Some(id) })
            }
            Some(_) => return Err(Error::invalid("site.id", "site.id must be a site id").into()),
            None => None,
        };
        let created = self
            .rc
            .create_extension(
                &ctx,
                &rc::ExtensionCreationRequest {
                    contact: Some(rc::ContactInfo {
                        first_name: Some(req.name.clone()),
                        email: Some(req.email),
                        ..Default::default()
                    }),
                    extension_number: Some(req.extension_number).filter(|n| !n.is_empty()),
                    r#type: Some("Department".to_owned()),
                    site,
                    ..Default::default()
                },
            )
            .await?;
        let id = convert::id_string(created.id);
        if !members.is_empty() {
            let assign = rc::CallQueueBulkAssign {
                added_extension_ids: members,
                removed_extension_ids: Vec::new(),
            };
            if let Err(cause) = self.rc.assign_call_queue_members(&ctx, &id, &assign).await {
                return Err(Error::PartiallyApplied {
                    message: format!(
                        "call queue {id} was created, but its members could not be assigned"
                    ),
                    created_id: id,
                    cause: Box::new(cause),
                }
                .into());
            }
        }
        Ok(Response::new(pb::CallQueue {
            id,
            extension_number: created.extension_number.unwrap_or_default(),
            name: created.name.unwrap_or(req.name),
            status: pb::ExtensionStatus::from_rc(created.status.as_deref().unwrap_or("")) as i32,
            sub_type: created.sub_type.unwrap_or_default(),
            site: created.site.map(|s| pb::SiteRef {
                id: s.id.unwrap_or_default(),
                name: s.name.unwrap_or_default(),
                code: s.code.unwrap_or_default(),
            }),
            ..Default::default()
        }))
    }

    async fn list_call_queues(
        &self,
        request: Request<pb::ListCallQueuesRequest>,
    ) -> Result<Response<pb::ListCallQueuesResponse>, Status> {
        let ctx = CallContext::of(&request);
        let req = request.into_inner();
        let (page, per_page) = validate::paging(req.page, req.per_page)?;
        let member = Some(req.member_extension_id).filter(|m| !m.is_empty());
        if let Some(member) = &member {
            validate::extension_id("memberExtensionId", member)?;
        }
        let list = self
            .rc
            .list_call_queues(&ctx, page, per_page, member.as_deref())
            .await?;
        Ok(Response::new(pb::ListCallQueuesResponse {
            records: list.records.into_iter().map(call_queue).collect(),
            paging: convert::paging(list.paging),
            navigation: convert::navigation(list.navigation),
        }))
    }

    async fn get_call_queue(
        &self,
        request: Request<pb::GetCallQueueRequest>,
    ) -> Result<Response<pb::CallQueue>, Status> {
        let ctx = CallContext::of(&request);
        let req = request.into_inner();
        queue_id(&req.queue_id)?;
        let info = self.rc.read_call_queue(&ctx, &req.queue_id).await?;
        Ok(Response::new(call_queue(info)))
    }

    async fn update_call_queue(
        &self,
        request: Request<pb::UpdateCallQueueRequest>,
    ) -> Result<Response<pb::CallQueue>, Status> {
        let ctx = CallContext::of(&request);
        let req = request.into_inner();
        queue_id(&req.queue_id)?;
        if let Some(name) = &req.name {
            validate::required_text("name", name, 64)?;
        }
        if let Some(number) = &req.extension_number {
            validate::extension_number("extensionNumber", number)?;
        }
        let status = convert::optional_enum::<pb::ExtensionStatus>("status", req.status)?;
        if status == Some("Frozen") {
            return Err(Error::invalid("status", "a call queue cannot be FROZEN").into());
        }
        if let Some(timer) = req.alert_timer
            && !ALERT_TIMERS.contains(&timer)
        {
            return Err(Error::invalid(
                "alertTimer",
                format!("alertTimer must be one of {ALERT_TIMERS:?}"),
            )
            .into());
        }
        let site = match req.site.map(|s| s.id).filter(|id| !id.is_empty()) {
            Some(id) if id == "main-site" || validate::numeric_id(&id) => {
                Some(rc::IdRef { id: Some(id) })
            }
            Some(_) => return Err(Error::invalid("site.id", "site.id must be a site id").into()),
            None => None,
        };
        let body = rc::CallQueueUpdate {
            extension_number: req.extension_number,
            name: req.name,
            status: status.map(str::to_owned),
            site,
            service_level_settings: req
                .service_level_settings
                .map(service_level_to_rc)
                .transpose()?,
            editable_member_status: req.editable_member_status,
            alert_timer: req.alert_timer,
        };
        if body == rc::CallQueueUpdate::default() {
            return Err(Error::invalid(
                "callQueue",
                "the request changes nothing: set at least one field",
            )
            .into());
        }
        let info = self
            .rc
            .update_call_queue(&ctx, &req.queue_id, &body)
            .await?;
        Ok(Response::new(call_queue(info)))
    }

    async fn delete_call_queue(
        &self,
        request: Request<pb::DeleteCallQueueRequest>,
    ) -> Result<Response<pb::DeleteCallQueueResponse>, Status> {
        let ctx = CallContext::of(&request);
        let req = request.into_inner();
        queue_id(&req.queue_id)?;
        // Queues are deleted as extensions: make sure this id is a queue, so that a
        // wrong id can never delete a user.
        self.rc.read_call_queue(&ctx, &req.queue_id).await?;
        self.rc.delete_extension(&ctx, &req.queue_id).await?;
        Ok(Response::new(pb::DeleteCallQueueResponse {}))
    }

    async fn list_call_queue_members(
        &self,
        request: Request<pb::ListCallQueueMembersRequest>,
    ) -> Result<Response<pb::ListCallQueueMembersResponse>, Status> {
        let ctx = CallContext::of(&request);
        let req = request.into_inner();
        queue_id(&req.queue_id)?;
        let (page, per_page) = validate::paging(req.page, req.per_page)?;
        let list = self
            .rc
            .list_call_queue_members(&ctx, &req.queue_id, page, per_page)
            .await?;
        Ok(Response::new(pb::ListCallQueueMembersResponse {
            records: list
                .records
                .into_iter()
                .map(|m| pb::CallQueueMember {
                    id: convert::id_string(m.id),
                    extension_number: m.extension_number.unwrap_or_default(),
                })
                .collect(),
            paging: convert::paging(list.paging),
            navigation: convert::navigation(list.navigation),
        }))
    }

    async fn update_call_queue_members(
        &self,
        request: Request<pb::UpdateCallQueueMembersRequest>,
    ) -> Result<Response<pb::UpdateCallQueueMembersResponse>, Status> {
        let ctx = CallContext::of(&request);
        let req = request.into_inner();
        queue_id(&req.queue_id)?;
        extension_ids("addedExtensionIds", &req.added_extension_ids)?;
        extension_ids("removedExtensionIds", &req.removed_extension_ids)?;
        if req.added_extension_ids.is_empty() && req.removed_extension_ids.is_empty() {
            return Err(Error::invalid(
                "addedExtensionIds",
                "give addedExtensionIds or removedExtensionIds",
            )
            .into());
        }
        if let Some(both) = req
            .added_extension_ids
            .iter()
            .find(|id| req.removed_extension_ids.contains(id))
        {
            return Err(Error::invalid(
                "removedExtensionIds",
                format!("{both} is both added and removed"),
            )
            .into());
        }
        let body = rc::CallQueueBulkAssign {
            added_extension_ids: req.added_extension_ids,
            removed_extension_ids: req.removed_extension_ids,
        };
        self.rc
            .assign_call_queue_members(&ctx, &req.queue_id, &body)
            .await?;
        Ok(Response::new(pb::UpdateCallQueueMembersResponse {}))
    }
}

fn service_level_to_rc(s: pb::ServiceLevelSettings) -> Result<rc::ServiceLevelSettingsInfo> {
    if let Some(goal) = s.sla_goal
        && !(0..=100).contains(&goal)
    {
        return Err(Error::invalid(
            "serviceLevelSettings.slaGoal",
            "slaGoal is a percentage (0..100)",
        ));
    }
    for (field, value) in [
        (
            "serviceLevelSettings.slaThresholdSeconds",
            s.sla_threshold_seconds,
        ),
        (
            "serviceLevelSettings.abandonedThresholdSeconds",
            s.abandoned_threshold_seconds,
        ),
    ] {
        if value.is_some_and(|v| !(0..=3600).contains(&v)) {
            return Err(Error::invalid(
                field,
                format!("{field} must be 0..3600 seconds"),
            ));
        }
    }
    Ok(rc::ServiceLevelSettingsInfo {
        sla_goal: s.sla_goal,
        sla_threshold_seconds: s.sla_threshold_seconds,
        include_abandoned_calls: s.include_abandoned_calls,
        abandoned_threshold_seconds: s.abandoned_threshold_seconds,
    })
}

/// RingCentral call queue -> proto.
pub fn call_queue(q: rc::CallQueueInfo) -> pb::CallQueue {
    pb::CallQueue {
        id: q.id.unwrap_or_default(),
        extension_number: q.extension_number.unwrap_or_default(),
        name: q.name.unwrap_or_default(),
        status: pb::ExtensionStatus::from_rc(q.status.as_deref().unwrap_or("")) as i32,
        sub_type: q.sub_type.unwrap_or_default(),
        site: q.site.map(|s| pb::SiteRef {
            id: s.id.unwrap_or_default(),
            name: s.name.unwrap_or_default(),
            code: String::new(),
        }),
        service_level_settings: q.service_level_settings.map(|s| pb::ServiceLevelSettings {
            sla_goal: s.sla_goal,
            sla_threshold_seconds: s.sla_threshold_seconds,
            include_abandoned_calls: s.include_abandoned_calls,
            abandoned_threshold_seconds: s.abandoned_threshold_seconds,
        }),
        alert_timer: q.alert_timer.unwrap_or(0),
        editable_member_status: q.editable_member_status.unwrap_or(false),
    }
}
