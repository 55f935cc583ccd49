//! Call queue calls (`/restapi/v1.0/account/~/call-queues`). Queues are created and
//! deleted as extensions of type Department (see `extensions.rs`).

use super::{ACCOUNT, Query, RingCentral, path, push_paging};
use crate::context::CallContext;
use crate::error::Result;
use rc_spec::models::{
    CallQueueBulkAssign, CallQueueInfo, CallQueueMemberInfo, CallQueueUpdate, Page,
};
use rc_spec::ops;

impl RingCentral {
    pub async fn list_call_queues(
        &self,
        ctx: &CallContext,
        page: Option<i32>,
        per_page: Option<i32>,
        member_extension_id: Option<&str>,
    ) -> Result<Page<CallQueueInfo>> {
        let op = &ops::LIST_CALL_QUEUES;
        let path = path::build(op, &[("accountId", ACCOUNT)])?;
        let mut query = Query::new();
        push_paging(&mut query, page, per_page);
        if let Some(member) = member_extension_id {
            query.push(("memberExtensionId".into(), member.to_owned()));
        }
        self.get(ctx, op, path, query).await
    }

    pub async fn read_call_queue(&self, ctx: &CallContext, id: &str) -> Result<CallQueueInfo> {
        let op = &ops::READ_CALL_QUEUE;
        let path = path::build(op, &[("accountId", ACCOUNT), ("groupId", id)])?;
        self.get(ctx, op, path, Query::new()).await
    }

    pub async fn update_call_queue(
        &self,
        ctx: &CallContext,
        id: &str,
        body: &CallQueueUpdate,
    ) -> Result<CallQueueInfo> {
        let op = &ops::UPDATE_CALL_QUEUE;
        let path = path::build(op, &[("accountId", ACCOUNT), ("groupId", id)])?;
        self.send(ctx, op, path, body).await
    }

    pub async fn list_call_queue_members(
        &self,
        ctx: &CallContext,
        id: &str,
        page: Option<i32>,
        per_page: Option<i32>,
    ) -> Result<Page<CallQueueMemberInfo>> {
        let op = &ops::LIST_CALL_QUEUE_MEMBERS;
        let path = path::build(op, &[("accountId", ACCOUNT), ("groupId", id)])?;
        let mut query = Query::new();
        push_paging(&mut query, page, per_page);
        self.get(ctx, op, path, query).await
    }

    pub async fn assign_call_queue_members(
        &self,
        ctx: &CallContext,
        id: &str,
        body: &CallQueueBulkAssign,
    ) -> Result<()> {
        let op = &ops::ASSIGN_CALL_QUEUE_MEMBERS;
        let path = path::build(op, &[("accountId", ACCOUNT), ("groupId", id)])?;
        self.send_no_content(ctx, op, path, Some(body)).await
    }
}
