//! `SiteService`.

use tonic::{Request, Response, Status};

use super::convert::{self, RcEnum};
use super::validate;
use crate::error::{Error, Result};
use crate::proto::v1 as pb;
use crate::proto::v1::site_service_server::SiteService;
use rc_spec::models as rc;

/// Serves each call on the client of the call's account.
#[derive(Default)]
pub struct SiteApi;

#[tonic::async_trait]
impl SiteService for SiteApi {
    async fn list_sites(
        &self,
        request: Request<pb::ListSitesRequest>,
    ) -> Result<Response<pb::ListSitesResponse>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let (page, per_page) = validate::paging(req.page, req.per_page);
        let list = account
            .rc
            .list_sites(&ctx, page, per_page)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(pb::ListSitesResponse {
            records: list.records.into_iter().map(site).collect(),
            paging: convert::paging(list.paging),
            navigation: convert::navigation(list.navigation),
        }))
    }

    async fn create_site(
        &self,
        request: Request<pb::CreateSiteRequest>,
    ) -> Result<Response<pb::Site>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let body = rc::SiteInfo {
            name: Some(req.name),
            extension_number: Some(req.extension_number),
            caller_id_name: Some(req.caller_id_name).filter(|v| !v.is_empty()),
            email: Some(req.email).filter(|v| !v.is_empty()),
            business_address: req.business_address.map(convert::address_to_rc),
            regional_settings: req
                .regional_settings
                .map(|r| convert::regional_settings_to_rc("regionalSettings", r))
                .transpose()?,
            site_access: convert::optional_enum::<pb::SiteAccess>("siteAccess", req.site_access)?
                .map(str::to_owned),
            operator: operator(req.operator),
            code: Some(req.code).filter(|c| !c.is_empty()),
            ..Default::default()
        };
        let created = account
            .rc
            .create_site(&ctx, &body)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(site(created)))
    }

    async fn get_site(
        &self,
        request: Request<pb::GetSiteRequest>,
    ) -> Result<Response<pb::Site>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let info = account
            .rc
            .read_site(&ctx, &req.site_id)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(site(info)))
    }

    async fn update_site(
        &self,
        request: Request<pb::UpdateSiteRequest>,
    ) -> Result<Response<pb::Site>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let body = rc::SiteInfo {
            name: req.name,
            extension_number: req.extension_number,
            caller_id_name: req.caller_id_name.filter(|v| !v.is_empty()),
            email: req.email.filter(|v| !v.is_empty()),
            business_address: req.business_address.map(convert::address_to_rc),
            regional_settings: req
                .regional_settings
                .map(|r| convert::regional_settings_to_rc("regionalSettings", r))
                .transpose()?,
            site_access: convert::optional_enum::<pb::SiteAccess>("siteAccess", req.site_access)?
                .map(str::to_owned),
            operator: operator(req.operator),
            ..Default::default()
        };
        let info = account
            .rc
            .update_site(&ctx, &req.site_id, &body)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(site(info)))
    }

    async fn delete_site(
        &self,
        request: Request<pb::DeleteSiteRequest>,
    ) -> Result<Response<pb::DeleteSiteResponse>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        account
            .rc
            .delete_site(&ctx, &req.site_id)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(pb::DeleteSiteResponse {}))
    }
}

fn operator(op: Option<pb::ExtensionRef>) -> Option<rc::OperatorInfo> {
    op.map(|op| rc::OperatorInfo {
        id: Some(op.id),
        ..Default::default()
    })
}

/// RingCentral site -> proto.
pub fn site(s: rc::SiteInfo) -> pb::Site {
    pb::Site {
        id: s.id.unwrap_or_default(),
        name: s.name.unwrap_or_default(),
        extension_number: s.extension_number.unwrap_or_default(),
        caller_id_name: s.caller_id_name.unwrap_or_default(),
        email: s.email.unwrap_or_default(),
        business_address: s.business_address.map(convert::address),
        regional_settings: s.regional_settings.map(convert::regional_settings),
        site_access: pb::SiteAccess::from_rc(s.site_access.as_deref().unwrap_or("")) as i32,
        operator: s.operator.map(|o| pb::ExtensionRef {
            id: o.id.unwrap_or_default(),
            extension_number: o.extension_number.unwrap_or_default(),
            name: o.name.unwrap_or_default(),
        }),
        code: s.code.unwrap_or_default(),
    }
}
