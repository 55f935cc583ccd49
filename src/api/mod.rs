//! The gRPC services, one module per telephony domain. Each is thin: validate the
//! request, map it to RingCentral's model, call [`crate::ringcentral`], map back.

pub mod accounts;
pub mod call_logs;
pub mod call_queues;
pub mod convert;
pub mod events;
pub mod extensions;
pub mod health;
pub mod phone_numbers;
pub mod platform;
#[cfg(test)]
mod proptests;
pub mod sites;
pub mod subscriptions;
pub mod users;
pub mod validate;

use std::sync::Arc;

use tokio_util::sync::CancellationToken;
use tonic::service::Routes;

use crate::events::hub::EventHub;
use crate::lifecycle::Lifecycle;
use crate::proto::v1::{
    account_service_server::AccountServiceServer, call_log_service_server::CallLogServiceServer,
    call_queue_service_server::CallQueueServiceServer, event_service_server::EventServiceServer,
    extension_service_server::ExtensionServiceServer, health_service_server::HealthServiceServer,
    phone_number_service_server::PhoneNumberServiceServer,
    platform_service_server::PlatformServiceServer, site_service_server::SiteServiceServer,
    subscription_service_server::SubscriptionServiceServer, user_service_server::UserServiceServer,
};

/// Names of the domain services, for grpc.health.v1 and reflection listings.
pub const SERVICE_NAMES: &[&str] = &[
    "rcgateway.v1.ExtensionService",
    "rcgateway.v1.UserService",
    "rcgateway.v1.SiteService",
    "rcgateway.v1.CallQueueService",
    "rcgateway.v1.PhoneNumberService",
    "rcgateway.v1.CallLogService",
    "rcgateway.v1.SubscriptionService",
    "rcgateway.v1.EventService",
    "rcgateway.v1.PlatformService",
    "rcgateway.v1.AccountService",
    "rcgateway.v1.HealthService",
];

/// What the services are built from.
pub struct Backends {
    pub accounts: Arc<crate::accounts::Registry>,
    pub admin: Arc<crate::accounts::admin::Admin>,
    pub lifecycle: Arc<Lifecycle>,
    pub hub: Arc<EventHub>,
    pub shutdown: CancellationToken,
    pub watch_hooks: Arc<dyn events::WatchHooks>,
    pub sandbox: bool,
    pub auth: Arc<crate::auth::Authenticator>,
    pub auditor: Arc<crate::audit::Auditor>,
}

/// Every gRPC service of the gateway: domain services, grpc.health.v1 and reflection.
pub fn routes<H>(
    backends: &Backends,
    health_service: tonic_health::pb::health_server::HealthServer<H>,
    max_message_bytes: usize,
) -> Routes
where
    H: tonic_health::pb::health_server::Health,
{
    let reflection = || {
        tonic_reflection::server::Builder::configure()
            .register_encoded_file_descriptor_set(crate::proto::DESCRIPTOR_SET)
            .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
            .register_encoded_file_descriptor_set(tonic_reflection::pb::v1::FILE_DESCRIPTOR_SET)
            .register_encoded_file_descriptor_set(
                tonic_reflection::pb::v1alpha::FILE_DESCRIPTOR_SET,
            )
    };
    let reflection_v1 = reflection()
        .build_v1()
        .expect("the descriptor sets are valid for reflection");
    // grpcurl 1.8 speaks only v1alpha.
    let reflection_v1alpha = reflection()
        .build_v1alpha()
        .expect("the descriptor sets are valid for reflection");
    // Requests above the limit are refused before they are decoded.
    macro_rules! limited {
        ($server:expr) => {
            $server.max_decoding_message_size(max_message_bytes)
        };
    }
    Routes::new(limited!(ExtensionServiceServer::new(
        extensions::ExtensionApi
    )))
    .add_service(limited!(UserServiceServer::new(users::UserApi)))
    .add_service(limited!(SiteServiceServer::new(sites::SiteApi)))
    .add_service(limited!(CallQueueServiceServer::new(
        call_queues::CallQueueApi
    )))
    .add_service(limited!(PhoneNumberServiceServer::new(
        phone_numbers::PhoneNumberApi
    )))
    .add_service(limited!(CallLogServiceServer::new(call_logs::CallLogApi)))
    .add_service(limited!(SubscriptionServiceServer::new(
        subscriptions::SubscriptionApi
    )))
    .add_service(limited!(EventServiceServer::new(events::EventApi::new(
        backends.hub.clone(),
        backends.shutdown.clone(),
        backends.watch_hooks.clone(),
    ))))
    .add_service(limited!(PlatformServiceServer::new(
        platform::PlatformApi::new(
            backends.auth.clone(),
            backends.auditor.clone(),
            max_message_bytes,
        )
    )))
    .add_service(limited!(AccountServiceServer::new(
        accounts::AccountApi::new(backends.admin.clone())
    )))
    .add_service(limited!(HealthServiceServer::new(health::HealthApi::new(
        backends.accounts.clone(),
        backends.lifecycle.clone(),
        backends.sandbox,
        backends.auth.is_open(),
    ))))
    .add_service(health_service)
    .add_service(reflection_v1)
    .add_service(reflection_v1alpha)
}
