//! Site calls (`/restapi/v1.0/account/~/sites`).

use super::{ACCOUNT, Query, RingCentral, path, push_paging};
use crate::context::CallContext;
use crate::error::Result;
use rc_spec::models::{Page, SiteInfo};
use rc_spec::ops;

impl RingCentral {
    pub async fn list_sites(
        &self,
        ctx: &CallContext,
        page: Option<i32>,
        per_page: Option<i32>,
    ) -> Result<Page<SiteInfo>> {
        let op = &ops::LIST_SITES;
        let path = path::build(op, &[("accountId", ACCOUNT)])?;
        let mut query = Query::new();
        push_paging(&mut query, page, per_page);
        self.get(ctx, op, path, query).await
    }

    pub async fn create_site(&self, ctx: &CallContext, body: &SiteInfo) -> Result<SiteInfo> {
        let op = &ops::CREATE_SITE;
        let path = path::build(op, &[("accountId", ACCOUNT)])?;
        self.send(ctx, op, path, body).await
    }

    pub async fn read_site(&self, ctx: &CallContext, id: &str) -> Result<SiteInfo> {
        let op = &ops::READ_SITE;
        let path = path::build(op, &[("accountId", ACCOUNT), ("siteId", id)])?;
        self.get(ctx, op, path, Query::new()).await
    }

    pub async fn update_site(
        &self,
        ctx: &CallContext,
        id: &str,
        body: &SiteInfo,
    ) -> Result<SiteInfo> {
        let op = &ops::UPDATE_SITE;
        let path = path::build(op, &[("accountId", ACCOUNT), ("siteId", id)])?;
        self.send(ctx, op, path, body).await
    }

    pub async fn delete_site(&self, ctx: &CallContext, id: &str) -> Result<()> {
        let op = &ops::DELETE_SITE;
        let path = path::build(op, &[("accountId", ACCOUNT), ("siteId", id)])?;
        self.send_no_content::<()>(ctx, op, path, None).await
    }
}
