//! Extension calls (`/restapi/v1.0/account/~/extension`).

use super::{ACCOUNT, Query, RingCentral, path, push_paging};
use crate::context::CallContext;
use crate::error::Result;
use rc_spec::models::{ExtensionCreationRequest, ExtensionInfo, ExtensionUpdateRequest, Page};
use rc_spec::ops;

/// Filters of `listExtensions`, in RingCentral's terms.
#[derive(Debug, Default, Clone)]
pub struct ExtensionFilter {
    pub page: Option<i32>,
    pub per_page: Option<i32>,
    pub status: Vec<&'static str>,
    pub types: Vec<&'static str>,
    pub extension_number: Option<String>,
    pub email: Vec<String>,
}

impl ExtensionFilter {
    fn query(&self) -> Query {
        let mut query = Query::new();
        push_paging(&mut query, self.page, self.per_page);
        // Arrays are sent as repeated keys, as the official SDKs do.
        query.extend(
            self.status
                .iter()
                .map(|s| ("status".into(), (*s).to_owned())),
        );
        query.extend(self.types.iter().map(|t| ("type".into(), (*t).to_owned())));
        if let Some(number) = &self.extension_number {
            query.push(("extensionNumber".into(), number.clone()));
        }
        query.extend(self.email.iter().map(|e| ("email".into(), e.clone())));
        query
    }
}

impl RingCentral {
    pub async fn list_extensions(
        &self,
        ctx: &CallContext,
        filter: &ExtensionFilter,
    ) -> Result<Page<ExtensionInfo>> {
        let op = &ops::LIST_EXTENSIONS;
        let path = path::build(op, &[("accountId", ACCOUNT)])?;
        self.get(ctx, op, path, filter.query()).await
    }

    pub async fn create_extension(
        &self,
        ctx: &CallContext,
        body: &ExtensionCreationRequest,
    ) -> Result<ExtensionInfo> {
        let op = &ops::CREATE_EXTENSION;
        let path = path::build(op, &[("accountId", ACCOUNT)])?;
        self.send(ctx, op, path, body).await
    }

    pub async fn read_extension(&self, ctx: &CallContext, id: &str) -> Result<ExtensionInfo> {
        let op = &ops::READ_EXTENSION;
        let path = path::build(op, &[("accountId", ACCOUNT), ("extensionId", id)])?;
        self.get(ctx, op, path, Query::new()).await
    }

    pub async fn update_extension(
        &self,
        ctx: &CallContext,
        id: &str,
        body: &ExtensionUpdateRequest,
    ) -> Result<ExtensionInfo> {
        let op = &ops::UPDATE_EXTENSION;
        let path = path::build(op, &[("accountId", ACCOUNT), ("extensionId", id)])?;
        self.send(ctx, op, path, body).await
    }

    pub async fn delete_extension(&self, ctx: &CallContext, id: &str) -> Result<()> {
        let op = &ops::DELETE_EXTENSION;
        let path = path::build(op, &[("accountId", ACCOUNT), ("extensionId", id)])?;
        self.send_no_content::<()>(ctx, op, path, None).await
    }
}
