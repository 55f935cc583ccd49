//! Subscription calls (`/restapi/v1.0/subscription`).

use super::{Query, RingCentral, path};
use crate::context::CallContext;
use crate::error::Result;
use rc_spec::models::{CreateSubscriptionRequest, SubscriptionInfo, SubscriptionList};
use rc_spec::ops;

impl RingCentral {
    pub async fn list_subscriptions(&self, ctx: &CallContext) -> Result<SubscriptionList> {
        let op = &ops::LIST_SUBSCRIPTIONS;
        self.get(ctx, op, path::build(op, &[])?, Query::new()).await
    }

    pub async fn create_subscription(
        &self,
        ctx: &CallContext,
        body: &CreateSubscriptionRequest,
    ) -> Result<SubscriptionInfo> {
        let op = &ops::CREATE_SUBSCRIPTION;
        self.send(ctx, op, path::build(op, &[])?, body).await
    }

    pub async fn read_subscription(&self, ctx: &CallContext, id: &str) -> Result<SubscriptionInfo> {
        let op = &ops::READ_SUBSCRIPTION;
        self.get(
            ctx,
            op,
            path::build(op, &[("subscriptionId", id)])?,
            Query::new(),
        )
        .await
    }

    pub async fn renew_subscription(
        &self,
        ctx: &CallContext,
        id: &str,
    ) -> Result<SubscriptionInfo> {
        let op = &ops::RENEW_SUBSCRIPTION;
        self.post_query(
            ctx,
            op,
            path::build(op, &[("subscriptionId", id)])?,
            Query::new(),
        )
        .await
    }

    pub async fn delete_subscription(&self, ctx: &CallContext, id: &str) -> Result<()> {
        let op = &ops::DELETE_SUBSCRIPTION;
        self.send_no_content::<()>(ctx, op, path::build(op, &[("subscriptionId", id)])?, None)
            .await
    }
}
