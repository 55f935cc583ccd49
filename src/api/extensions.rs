//! `ExtensionService`: validate, map to RingCentral's models, call, map back.

use tonic::{Request, Response, Status};

use super::convert::{self, RcEnum};
use super::validate;
use crate::error::{Error, Result};
use crate::proto::v1 as pb;
use crate::proto::v1::extension_service_server::ExtensionService;
use rc_client::ExtensionFilter;
use rc_spec::models as rc;

/// Serves each call on the client of the call's account.
#[derive(Default)]
pub struct ExtensionApi;

#[tonic::async_trait]
impl ExtensionService for ExtensionApi {
    async fn list_extensions(
        &self,
        request: Request<pb::ListExtensionsRequest>,
    ) -> Result<Response<pb::ListExtensionsResponse>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let (page, per_page) = validate::paging(req.page, req.per_page);
        let filter = ExtensionFilter {
            page,
            per_page,
            status: convert::enum_filter::<pb::ExtensionStatus>("status", &req.status)?,
            types: convert::enum_filter::<pb::ExtensionType>("type", &req.r#type)?,
            extension_number: Some(req.extension_number).filter(|n| !n.is_empty()),
            email: req.email,
        };
        let list = account
            .rc
            .list_extensions(&ctx, &filter)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(pb::ListExtensionsResponse {
            records: list.records.into_iter().map(extension).collect(),
            paging: convert::paging(list.paging),
            navigation: convert::navigation(list.navigation),
        }))
    }

    async fn create_extension(
        &self,
        request: Request<pb::CreateExtensionRequest>,
    ) -> Result<Response<pb::Extension>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let body = creation_request(request.into_inner())?;
        let created = account
            .rc
            .create_extension(&ctx, &body)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(extension(created)))
    }

    async fn get_extension(
        &self,
        request: Request<pb::GetExtensionRequest>,
    ) -> Result<Response<pb::Extension>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let info = account
            .rc
            .read_extension(&ctx, &req.extension_id)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(extension(info)))
    }

    async fn update_extension(
        &self,
        request: Request<pb::UpdateExtensionRequest>,
    ) -> Result<Response<pb::Extension>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let id = req.extension_id.clone();
        let body = update_request(req)?;
        let info = account
            .rc
            .update_extension(&ctx, &id, &body)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(extension(info)))
    }

    async fn update_extension_number(
        &self,
        request: Request<pb::UpdateExtensionNumberRequest>,
    ) -> Result<Response<pb::Extension>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let body = rc::ExtensionUpdateRequest {
            extension_number: Some(req.extension_number),
            ..Default::default()
        };
        let info = account
            .rc
            .update_extension(&ctx, &req.extension_id, &body)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(extension(info)))
    }
}

/// RingCentral extension -> proto.
pub fn extension(e: rc::ExtensionInfo) -> pb::Extension {
    pb::Extension {
        id: convert::id_string(e.id),
        extension_number: e.extension_number.unwrap_or_default(),
        name: e.name.unwrap_or_default(),
        r#type: pb::ExtensionType::from_rc(e.r#type.as_deref().unwrap_or("")) as i32,
        sub_type: e.sub_type.unwrap_or_default(),
        status: pb::ExtensionStatus::from_rc(e.status.as_deref().unwrap_or("")) as i32,
        status_info: e.status_info.map(|s| pb::StatusInfo {
            comment: s.comment,
            reason: s.reason,
        }),
        contact: e.contact.map(contact),
        site: e.site.map(|s| pb::SiteRef {
            id: s.id.unwrap_or_default(),
            name: s.name.unwrap_or_default(),
            code: s.code.unwrap_or_default(),
        }),
        regional_settings: e.regional_settings.map(convert::regional_settings),
        permissions: e.permissions.map(|p| pb::ExtensionPermissions {
            admin: p.admin.and_then(|f| f.enabled).unwrap_or(false),
            international_calling: p
                .international_calling
                .and_then(|f| f.enabled)
                .unwrap_or(false),
        }),
        hidden: e.hidden.unwrap_or(false),
        creation_time: convert::timestamp(e.creation_time.as_deref()),
        account_id: e.account.and_then(|a| a.id).unwrap_or_default(),
    }
}

fn contact(c: rc::ContactInfo) -> pb::Contact {
    pb::Contact {
        first_name: c.first_name,
        last_name: c.last_name,
        company: c.company,
        job_title: c.job_title,
        email: c.email,
        business_phone: c.business_phone,
        mobile_phone: c.mobile_phone,
        department: c.department,
        business_address: c.business_address.map(convert::address),
        email_as_login_name: c.email_as_login_name,
    }
}

fn contact_to_rc(c: pb::Contact) -> rc::ContactInfo {
    rc::ContactInfo {
        first_name: c.first_name,
        last_name: c.last_name,
        name: None,
        company: c.company,
        job_title: c.job_title,
        email: c.email,
        business_phone: c.business_phone,
        mobile_phone: c.mobile_phone,
        business_address: c.business_address.map(convert::address_to_rc),
        email_as_login_name: c.email_as_login_name,
        department: c.department,
    }
}

fn site_ref(site: Option<pb::SiteRef>) -> Option<rc::IdRef> {
    site.map(|site| rc::IdRef { id: Some(site.id) })
}

fn creation_request(req: pb::CreateExtensionRequest) -> Result<rc::ExtensionCreationRequest> {
    let kind = convert::enum_value::<pb::ExtensionType>("type", req.r#type)?;
    Ok(rc::ExtensionCreationRequest {
        contact: req.contact.map(contact_to_rc),
        extension_number: Some(req.extension_number).filter(|n| !n.is_empty()),
        r#type: Some(kind.to_rc().unwrap_or("User").to_owned()),
        status: convert::optional_enum::<pb::ExtensionStatus>("status", req.status)?
            .map(str::to_owned),
        site: site_ref(req.site),
        regional_settings: req
            .regional_settings
            .map(|r| convert::regional_settings_to_rc("regionalSettings", r))
            .transpose()?,
        hidden: req.hidden.then_some(true),
        name: None,
    })
}

fn update_request(req: pb::UpdateExtensionRequest) -> Result<rc::ExtensionUpdateRequest> {
    let status = convert::optional_enum::<pb::ExtensionStatus>("status", req.status)?;
    let body = rc::ExtensionUpdateRequest {
        status: status.map(str::to_owned),
        status_info: req.status_info.map(|s| rc::StatusInfo {
            comment: s.comment,
            reason: s.reason,
        }),
        extension_number: req.extension_number,
        contact: req.contact.map(contact_to_rc),
        regional_settings: req
            .regional_settings
            .map(|r| convert::regional_settings_to_rc("regionalSettings", r))
            .transpose()?,
        call_queue_info: None,
        site: site_ref(req.site),
        r#type: None,
    };
    Ok(body)
}
