//! Call log calls (all in the Heavy group).

use super::{ACCOUNT, Query, RingCentral, path, push_paging};
use crate::context::CallContext;
use crate::error::Result;
use rc_spec::models::{CallLogRecord, Page};
use rc_spec::ops;

/// Filters of the call log lists, in RingCentral's terms.
#[derive(Debug, Default, Clone)]
pub struct CallLogFilter {
    /// RFC 3339.
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    pub direction: Vec<&'static str>,
    pub types: Vec<&'static str>,
    pub view: Option<&'static str>,
    pub page: Option<i32>,
    pub per_page: Option<i32>,
}

impl CallLogFilter {
    fn query(&self) -> Query {
        let mut query = Query::new();
        if let Some(from) = &self.date_from {
            query.push(("dateFrom".into(), from.clone()));
        }
        if let Some(to) = &self.date_to {
            query.push(("dateTo".into(), to.clone()));
        }
        query.extend(
            self.direction
                .iter()
                .map(|d| ("direction".into(), (*d).to_owned())),
        );
        query.extend(self.types.iter().map(|t| ("type".into(), (*t).to_owned())));
        if let Some(view) = self.view {
            query.push(("view".into(), view.to_owned()));
        }
        push_paging(&mut query, self.page, self.per_page);
        query
    }
}

impl RingCentral {
    /// The account's call log, or one extension's when `extension_id` is given.
    pub async fn read_call_log(
        &self,
        ctx: &CallContext,
        extension_id: Option<&str>,
        filter: &CallLogFilter,
    ) -> Result<Page<CallLogRecord>> {
        let (op, path) = match extension_id {
            Some(id) => {
                let op = &ops::READ_USER_CALL_LOG;
                (
                    op,
                    path::build(op, &[("accountId", ACCOUNT), ("extensionId", id)])?,
                )
            }
            None => {
                let op = &ops::READ_COMPANY_CALL_LOG;
                (op, path::build(op, &[("accountId", ACCOUNT)])?)
            }
        };
        self.get(ctx, op, path, filter.query()).await
    }

    pub async fn read_call_record(
        &self,
        ctx: &CallContext,
        id: &str,
        view: Option<&'static str>,
    ) -> Result<CallLogRecord> {
        let op = &ops::READ_COMPANY_CALL_RECORD;
        let path = path::build(op, &[("accountId", ACCOUNT), ("callRecordId", id)])?;
        let query = view
            .map(|v| vec![("view".into(), v.to_owned())])
            .unwrap_or_default();
        self.get(ctx, op, path, query).await
    }
}
