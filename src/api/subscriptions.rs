//! `SubscriptionService`: RingCentral webhook subscriptions that the gateway keeps.

use tonic::{Request, Response, Status};

use super::convert::{self, RcEnum, rc_enum};
use crate::error::{Error, Result};
use crate::proto::v1 as pb;
use crate::proto::v1::subscription_service_server::SubscriptionService;
use rc_spec::models as rc;

rc_enum!(pb::SubscriptionStatus {
    Active => "Active",
    Blacklisted => "Blacklisted",
});

/// Serves each call with the subscription keeper of the call's account.
#[derive(Default)]
pub struct SubscriptionApi;

#[tonic::async_trait]
impl SubscriptionService for SubscriptionApi {
    async fn create_subscription(
        &self,
        request: Request<pb::CreateSubscriptionRequest>,
    ) -> Result<Response<pb::Subscription>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let mode = req.delivery_mode.unwrap_or_default();
        let token = Some(mode.verification_token).filter(|t| !t.is_empty());
        let expires_in = (req.expires_in != 0).then_some(i64::from(req.expires_in));
        let address = Some(mode.address).filter(|a| !a.is_empty());
        let (info, _) = account
            .keeper
            .create(&ctx, req.event_filters, address, token, expires_in)
            .await?;
        Ok(Response::new(subscription(info, true)))
    }

    async fn list_subscriptions(
        &self,
        request: Request<pb::ListSubscriptionsRequest>,
    ) -> Result<Response<pb::ListSubscriptionsResponse>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let list = account
            .rc
            .list_subscriptions(&ctx)
            .await
            .map_err(Error::from)?;
        let mut records = Vec::with_capacity(list.records.len());
        for info in list.records {
            let managed = match &info.id {
                Some(id) => account.keeper.managed(id).await,
                None => false,
            };
            records.push(subscription(info, managed));
        }
        Ok(Response::new(pb::ListSubscriptionsResponse { records }))
    }

    async fn get_subscription(
        &self,
        request: Request<pb::GetSubscriptionRequest>,
    ) -> Result<Response<pb::Subscription>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let info = account
            .rc
            .read_subscription(&ctx, &req.subscription_id)
            .await
            .map_err(Error::from)?;
        let managed = account.keeper.managed(&req.subscription_id).await;
        Ok(Response::new(subscription(info, managed)))
    }

    async fn renew_subscription(
        &self,
        request: Request<pb::RenewSubscriptionRequest>,
    ) -> Result<Response<pb::Subscription>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let info = account.keeper.renew(&ctx, &req.subscription_id).await?;
        let managed = account.keeper.managed(&req.subscription_id).await;
        Ok(Response::new(subscription(info, managed)))
    }

    async fn delete_subscription(
        &self,
        request: Request<pb::DeleteSubscriptionRequest>,
    ) -> Result<Response<pb::DeleteSubscriptionResponse>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        account.keeper.delete(&ctx, &req.subscription_id).await?;
        Ok(Response::new(pb::DeleteSubscriptionResponse {}))
    }
}

/// RingCentral subscription -> proto.
pub fn subscription(info: rc::SubscriptionInfo, managed: bool) -> pb::Subscription {
    pb::Subscription {
        id: info.id.unwrap_or_default(),
        event_filters: info.event_filters,
        status: pb::SubscriptionStatus::from_rc(info.status.as_deref().unwrap_or("")) as i32,
        delivery_mode: info.delivery_mode.map(|d| pb::DeliveryMode {
            transport_type: d.transport_type.unwrap_or_default(),
            address: d.address.unwrap_or_default(),
            verification_token: String::new(),
        }),
        creation_time: convert::timestamp(info.creation_time.as_deref()),
        expiration_time: convert::timestamp(info.expiration_time.as_deref()),
        expires_in: info
            .expires_in
            .and_then(|e| i32::try_from(e).ok())
            .unwrap_or(0),
        blacklisted_data: info.blacklisted_data.map(|b| pb::BlacklistedData {
            blacklisted_at: convert::timestamp(b.blacklisted_at.as_deref()),
            reason: b.reason.unwrap_or_default(),
        }),
        managed,
    }
}
