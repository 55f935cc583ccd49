//! `UserService`: users are extensions of type User, filtered by RingCentral.

use tonic::{Request, Response, Status};

use super::extensions::extension;
use super::{convert, validate};
use crate::error::Error;
use crate::proto::v1 as pb;
use crate::proto::v1::user_service_server::UserService;
use rc_client::ExtensionFilter;

/// Serves each call on the client of the call's account.
#[derive(Default)]
pub struct UserApi;

#[tonic::async_trait]
impl UserService for UserApi {
    async fn list_users(
        &self,
        request: Request<pb::ListUsersRequest>,
    ) -> Result<Response<pb::ListUsersResponse>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let (page, per_page) = validate::paging(req.page, req.per_page);
        // type=User upstream, so RingCentral's paging counts users only.
        let filter = ExtensionFilter {
            page,
            per_page,
            status: convert::enum_filter::<pb::ExtensionStatus>("status", &req.status)?,
            types: vec!["User"],
            extension_number: Some(req.extension_number).filter(|n| !n.is_empty()),
            email: req.email,
        };
        let list = account
            .rc
            .list_extensions(&ctx, &filter)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(pb::ListUsersResponse {
            records: list.records.into_iter().map(extension).collect(),
            paging: convert::paging(list.paging),
            navigation: convert::navigation(list.navigation),
        }))
    }
}
