//! `CallQueueService`. A queue is an extension of type Department: creation is two
//! RingCentral calls (create the extension, then bulk-assign members), and a failure
//! of the second is reported with the id the first one created.

use tonic::{Request, Response, Status};

use super::convert::{self, RcEnum};
use super::validate;
use crate::error::{Error, Result};
use crate::proto::v1 as pb;
use crate::proto::v1::call_queue_service_server::CallQueueService;
use rc_spec::models as rc;

/// Serves each call on the client of the call's account.
#[derive(Default)]
pub struct CallQueueApi;

#[tonic::async_trait]
impl CallQueueService for CallQueueApi {
    async fn create_call_queue(
        &self,
        request: Request<pb::CreateCallQueueRequest>,
    ) -> Result<Response<pb::CallQueue>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let members: Vec<String> = req.members.into_iter().map(|m| m.id).collect();
        let site = req.site.map(|s| rc::IdRef { id: Some(s.id) });
        let created = account
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
            .await
            .map_err(Error::from)?;
        let id = convert::id_string(created.id);
        if !members.is_empty() {
            let assign = rc::CallQueueBulkAssign {
                added_extension_ids: members,
                removed_extension_ids: Vec::new(),
            };
            if let Err(cause) = account
                .rc
                .assign_call_queue_members(&ctx, &id, &assign)
                .await
            {
                return Err(Error::PartiallyApplied {
                    message: format!(
                        "call queue {id} was created, but its members could not be assigned"
                    ),
                    created_id: id,
                    cause: Box::new(cause.into()),
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
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let (page, per_page) = validate::paging(req.page, req.per_page);
        let member = Some(req.member_extension_id).filter(|m| !m.is_empty());
        let list = account
            .rc
            .list_call_queues(&ctx, page, per_page, member.as_deref())
            .await
            .map_err(Error::from)?;
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
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let info = account
            .rc
            .read_call_queue(&ctx, &req.queue_id)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(call_queue(info)))
    }

    async fn update_call_queue(
        &self,
        request: Request<pb::UpdateCallQueueRequest>,
    ) -> Result<Response<pb::CallQueue>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let status = convert::optional_enum::<pb::ExtensionStatus>("status", req.status)?;
        let site = req.site.map(|s| rc::IdRef { id: Some(s.id) });
        let body = rc::CallQueueUpdate {
            extension_number: req.extension_number,
            name: req.name,
            status: status.map(str::to_owned),
            site,
            service_level_settings: req.service_level_settings.map(service_level_to_rc),
            editable_member_status: req.editable_member_status,
            alert_timer: req.alert_timer,
        };
        let info = account
            .rc
            .update_call_queue(&ctx, &req.queue_id, &body)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(call_queue(info)))
    }

    async fn delete_call_queue(
        &self,
        request: Request<pb::DeleteCallQueueRequest>,
    ) -> Result<Response<pb::DeleteCallQueueResponse>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        // Queues are deleted as extensions: make sure this id is a queue, so that a
        // wrong id can never delete a user.
        account
            .rc
            .read_call_queue(&ctx, &req.queue_id)
            .await
            .map_err(Error::from)?;
        account
            .rc
            .delete_extension(&ctx, &req.queue_id)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(pb::DeleteCallQueueResponse {}))
    }

    async fn list_call_queue_members(
        &self,
        request: Request<pb::ListCallQueueMembersRequest>,
    ) -> Result<Response<pb::ListCallQueueMembersResponse>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let (page, per_page) = validate::paging(req.page, req.per_page);
        let list = account
            .rc
            .list_call_queue_members(&ctx, &req.queue_id, page, per_page)
            .await
            .map_err(Error::from)?;
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
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        if let Some(both) = req
            .added_extension_ids
            .iter()
            .find(|id| req.removed_extension_ids.contains(id))
        {
            // Well-formed, but the two lists contradict each other: a conflict, not
            // a malformed request.
            return Err(Error::Conflict {
                field: "removedExtensionIds".into(),
                message: format!("{both} is both added and removed"),
            }
            .into());
        }
        let body = rc::CallQueueBulkAssign {
            added_extension_ids: req.added_extension_ids,
            removed_extension_ids: req.removed_extension_ids,
        };
        account
            .rc
            .assign_call_queue_members(&ctx, &req.queue_id, &body)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(pb::UpdateCallQueueMembersResponse {}))
    }
}

fn service_level_to_rc(s: pb::ServiceLevelSettings) -> rc::ServiceLevelSettingsInfo {
    rc::ServiceLevelSettingsInfo {
        sla_goal: s.sla_goal,
        sla_threshold_seconds: s.sla_threshold_seconds,
        include_abandoned_calls: s.include_abandoned_calls,
        abandoned_threshold_seconds: s.abandoned_threshold_seconds,
    }
}

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
