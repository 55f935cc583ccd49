//! `SubscriptionService`: RingCentral webhook subscriptions that the gateway keeps.

use std::sync::Arc;

use tonic::{Request, Response, Status};

use super::convert::{self, RcEnum, rc_enum};
use crate::context::CallContext;
use crate::error::{Error, Result};
use crate::proto::v1 as pb;
use crate::proto::v1::subscription_service_server::SubscriptionService;
use crate::ringcentral::models as rc;
use crate::webhooks::SubscriptionKeeper;

rc_enum!(pb::SubscriptionStatus {
    Active => "Active",
    Blacklisted => "Blacklisted",
});

/// RingCentral's longest WebHook lifetime: 10 years.
const MAX_EXPIRES_IN: i32 = 315_360_000;

pub struct SubscriptionApi {
    keeper: Arc<SubscriptionKeeper>,
    rc: crate::ringcentral::RingCentral,
}

impl SubscriptionApi {
    pub fn new(keeper: Arc<SubscriptionKeeper>, rc: crate::ringcentral::RingCentral) -> Self {
        SubscriptionApi { keeper, rc }
    }
}

fn subscription_id(value: &str) -> Result<()> {
    let ok = !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            "subscriptionId",
            "subscriptionId must be a RingCentral subscription id",
        ))
    }
}

fn event_filter(value: &str) -> Result<()> {
    let ok = value.starts_with("/restapi/")
        && value.len() <= 512
        && !value.contains("..")
        && value.chars().all(|c| c.is_ascii_graphic());
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            "eventFilters",
            format!("{value:?} is not a RingCentral event filter (/restapi/...)"),
        ))
    }
}

#[tonic::async_trait]
impl SubscriptionService for SubscriptionApi {
    async fn create_subscription(
        &self,
        request: Request<pb::CreateSubscriptionRequest>,
    ) -> Result<Response<pb::Subscription>, Status> {
        let ctx = CallContext::of(&request);
        let req = request.into_inner();
        if req.event_filters.is_empty() {
            return Err(Error::invalid("eventFilters", "give at least one event filter").into());
        }
        for filter in &req.event_filters {
            event_filter(filter)?;
        }
        let mode = req.delivery_mode.unwrap_or_default();
        if !mode.transport_type.is_empty() && mode.transport_type != "WebHook" {
            return Err(Error::invalid(
                "deliveryMode.transportType",
                "only WebHook delivery is supported",
            )
            .into());
        }
        let token = Some(mode.verification_token).filter(|t| !t.is_empty());
        if token.as_ref().is_some_and(|t| {
            t.len() < 16 || t.len() > 64 || !t.chars().all(|c| c.is_ascii_alphanumeric())
        }) {
            return Err(Error::invalid(
                "deliveryMode.verificationToken",
                "a verification token is 16 to 64 letters and digits",
            )
            .into());
        }
        let expires_in = match req.expires_in {
            0 => None,
            1..=MAX_EXPIRES_IN => Some(i64::from(req.expires_in)),
            _ => {
                return Err(Error::invalid(
                    "expiresIn",
                    format!("expiresIn must be 1..{MAX_EXPIRES_IN} seconds"),
                )
                .into());
            }
        };
        let address = Some(mode.address).filter(|a| !a.is_empty());
        let (info, _) = self
            .keeper
            .create(&ctx, req.event_filters, address, token, expires_in)
            .await?;
        Ok(Response::new(subscription(info, true)))
    }

    async fn list_subscriptions(
        &self,
        request: Request<pb::ListSubscriptionsRequest>,
    ) -> Result<Response<pb::ListSubscriptionsResponse>, Status> {
        let ctx = CallContext::of(&request);
        let list = self.rc.list_subscriptions(&ctx).await?;
        let mut records = Vec::with_capacity(list.records.len());
        for info in list.records {
            let managed = match &info.id {
                Some(id) => self.keeper.managed(id).await,
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
        let ctx = CallContext::of(&request);
        let req = request.into_inner();
        subscription_id(&req.subscription_id)?;
        let info = self
            .rc
            .read_subscription(&ctx, &req.subscription_id)
            .await?;
        let managed = self.keeper.managed(&req.subscription_id).await;
        Ok(Response::new(subscription(info, managed)))
    }

    async fn renew_subscription(
        &self,
        request: Request<pb::RenewSubscriptionRequest>,
    ) -> Result<Response<pb::Subscription>, Status> {
        let ctx = CallContext::of(&request);
        let req = request.into_inner();
        subscription_id(&req.subscription_id)?;
        let info = self.keeper.renew(&ctx, &req.subscription_id).await?;
        let managed = self.keeper.managed(&req.subscription_id).await;
        Ok(Response::new(subscription(info, managed)))
    }

    async fn delete_subscription(
        &self,
        request: Request<pb::DeleteSubscriptionRequest>,
    ) -> Result<Response<pb::DeleteSubscriptionResponse>, Status> {
        let ctx = CallContext::of(&request);
        let req = request.into_inner();
        subscription_id(&req.subscription_id)?;
        self.keeper.delete(&ctx, &req.subscription_id).await?;
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
