//! `CallLogService`, including the paced, paginated export stream.

use std::pin::Pin;
use std::time::Duration;

use futures::Stream;
use tonic::{Request, Response, Status};

use super::convert::{self, RcEnum, rc_enum};
use super::validate;
use crate::context::CallContext;
use crate::error::{Error, Result};
use crate::proto::v1 as pb;
use crate::proto::v1::call_log_service_server::CallLogService;
use rc_client::CallLogFilter;
use rc_spec::models as rc;

rc_enum!(pb::CallDirection {
    Inbound => "Inbound",
    Outbound => "Outbound",
});

rc_enum!(pb::CallType {
    Voice => "Voice",
    Fax => "Fax",
});

rc_enum!(pb::CallLogView {
    Simple => "Simple",
    Detailed => "Detailed",
});

/// Time one page fetch of an export may take, waiting for a Heavy slot included
/// (the Heavy window is 60 s by default).
const EXPORT_PAGE_DEADLINE: Duration = Duration::from_secs(150);

/// Serves each call on the client of the call's account.
#[derive(Default)]
pub struct CallLogApi;

/// The filters shared by the list and export calls.
struct Filters<'a> {
    date_from: Option<&'a prost_types::Timestamp>,
    date_to: Option<&'a prost_types::Timestamp>,
    direction: &'a [i32],
    types: &'a [i32],
    view: i32,
}

/// RingCentral's call-log query for the filters, or `None` when the date range ends
/// before it starts: such a range holds no calls, so RingCentral is not asked.
fn filter(
    f: Filters<'_>,
    page: Option<i32>,
    per_page: Option<i32>,
) -> Result<Option<CallLogFilter>> {
    // No call is older than 1970: a range that starts before starts there.
    let epoch = prost_types::Timestamp::default();
    let date_from = f.date_from.map(|t| if t.seconds < 0 { &epoch } else { t });
    let date_to = f.date_to.map(|t| if t.seconds < 0 { &epoch } else { t });
    let from_text = date_from
        .map(|t| convert::rfc3339("dateFrom", t))
        .transpose()?;
    let to_text = date_to.map(|t| convert::rfc3339("dateTo", t)).transpose()?;
    // A range that ends before it starts (or before 1970) holds no calls.
    let reversed = matches!((date_from, date_to),
        (Some(from), Some(to)) if (from.seconds, from.nanos) > (to.seconds, to.nanos));
    if reversed || f.date_to.is_some_and(|t| t.seconds < 0) {
        return Ok(None);
    }
    Ok(Some(CallLogFilter {
        date_from: from_text,
        date_to: to_text,
        direction: convert::enum_filter::<pb::CallDirection>("direction", f.direction)?,
        types: convert::enum_filter::<pb::CallType>("type", f.types)?,
        view: convert::optional_enum::<pb::CallLogView>("view", f.view)?,
        page,
        per_page,
    }))
}

/// The page RingCentral would answer for a range without calls.
fn empty_page(
    page: Option<i32>,
    per_page: Option<i32>,
) -> (Option<pb::Paging>, Option<pb::Navigation>) {
    let paging = pb::Paging {
        page: Some(page.unwrap_or(1)),
        per_page: per_page.unwrap_or(100),
        ..Default::default()
    };
    let navigation = pb::Navigation {
        first_page: Some(pb::PageLink { page: 1 }),
        ..Default::default()
    };
    (Some(paging), Some(navigation))
}

type RecordStream = Pin<Box<dyn Stream<Item = Result<pb::CallLogRecord, Status>> + Send>>;

#[tonic::async_trait]
impl CallLogService for CallLogApi {
    async fn list_call_logs(
        &self,
        request: Request<pb::ListCallLogsRequest>,
    ) -> Result<Response<pb::ListCallLogsResponse>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let (page, per_page) = validate::paging(req.page, req.per_page);
        let filters = Filters {
            date_from: req.date_from.as_ref(),
            date_to: req.date_to.as_ref(),
            direction: &req.direction,
            types: &req.r#type,
            view: req.view,
        };
        let Some(query) = filter(filters, page, per_page)? else {
            let (paging, navigation) = empty_page(page, per_page);
            return Ok(Response::new(pb::ListCallLogsResponse {
                records: Vec::new(),
                paging,
                navigation,
            }));
        };
        let list = account
            .rc
            .read_call_log(&ctx, None, &query)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(pb::ListCallLogsResponse {
            records: list.records.into_iter().map(record).collect(),
            paging: convert::paging(list.paging),
            navigation: convert::navigation(list.navigation),
        }))
    }

    async fn list_extension_call_logs(
        &self,
        request: Request<pb::ListExtensionCallLogsRequest>,
    ) -> Result<Response<pb::ListExtensionCallLogsResponse>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let (page, per_page) = validate::paging(req.page, req.per_page);
        let filters = Filters {
            date_from: req.date_from.as_ref(),
            date_to: req.date_to.as_ref(),
            direction: &req.direction,
            types: &req.r#type,
            view: req.view,
        };
        let Some(query) = filter(filters, page, per_page)? else {
            let (paging, navigation) = empty_page(page, per_page);
            return Ok(Response::new(pb::ListExtensionCallLogsResponse {
                records: Vec::new(),
                paging,
                navigation,
            }));
        };
        let list = account
            .rc
            .read_call_log(&ctx, Some(&req.extension_id), &query)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(pb::ListExtensionCallLogsResponse {
            records: list.records.into_iter().map(record).collect(),
            paging: convert::paging(list.paging),
            navigation: convert::navigation(list.navigation),
        }))
    }

    async fn get_call_log_record(
        &self,
        request: Request<pb::GetCallLogRecordRequest>,
    ) -> Result<Response<pb::CallLogRecord>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let view = convert::optional_enum::<pb::CallLogView>("view", req.view)?;
        let found = account
            .rc
            .read_call_record(&ctx, &req.record_id, view)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(record(found)))
    }

    type ExportCallLogsStream = RecordStream;

    async fn export_call_logs(
        &self,
        request: Request<pb::ExportCallLogsRequest>,
    ) -> Result<Response<Self::ExportCallLogsStream>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let extension = Some(req.extension_id.clone()).filter(|e| !e.is_empty());
        let per_page = match req.per_page {
            0 => validate::MAX_PER_PAGE,
            n => n,
        };
        // An open end is fixed once, so that pages fetched minutes apart agree.
        let date_to = req
            .date_to
            .unwrap_or_else(|| prost_types::Timestamp::from(std::time::SystemTime::now()));
        let filters = Filters {
            date_from: req.date_from.as_ref(),
            date_to: Some(&date_to),
            direction: &req.direction,
            types: &req.r#type,
            view: req.view,
        };
        let Some(base) = filter(filters, None, Some(per_page))? else {
            return Ok(Response::new(Box::pin(futures::stream::empty())));
        };
        let rc = account.rc.clone();
        let stream = async_stream(move |tx| async move {
            let mut page = 1;
            loop {
                // Each page gets its own deadline: the whole export may take many
                // minutes when pacing keeps it inside the Heavy limit.
                let page_ctx = CallContext {
                    deadline: tokio::time::Instant::now() + EXPORT_PAGE_DEADLINE,
                    ..ctx.clone()
                };
                let query = CallLogFilter {
                    page: Some(page),
                    ..base.clone()
                };
                let list = match rc
                    .read_call_log(&page_ctx, extension.as_deref(), &query)
                    .await
                {
                    Ok(list) => list,
                    Err(err) => {
                        let _ = tx.send(Err(Error::from(err).into())).await;
                        return;
                    }
                };
                let has_next = list
                    .navigation
                    .as_ref()
                    .and_then(|n| n.next_page.as_ref())
                    .is_some();
                let empty = list.records.is_empty();
                for item in list.records {
                    if tx.send(Ok(record(item))).await.is_err() {
                        return; // the caller went away
                    }
                }
                if !has_next || empty {
                    return;
                }
                page += 1;
            }
        });
        Ok(Response::new(stream))
    }
}

/// A stream fed by a spawned task through a small channel: the task fetches the next
/// page while the caller reads this one, and stops when the caller hangs up.
fn async_stream<F, Fut>(producer: F) -> RecordStream
where
    F: FnOnce(tokio::sync::mpsc::Sender<Result<pb::CallLogRecord, Status>>) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let (tx, rx) = tokio::sync::mpsc::channel(256);
    // The export's RingCentral calls belong to the caller's trace.
    tokio::spawn(tracing::Instrument::instrument(
        producer(tx),
        tracing::Span::current(),
    ));
    Box::pin(tokio_stream::wrappers::ReceiverStream::new(rx))
}

fn party(p: rc::CallLogParty) -> pb::CallParty {
    pb::CallParty {
        phone_number: p.phone_number.unwrap_or_default(),
        extension_number: p.extension_number.unwrap_or_default(),
        extension_id: p.extension_id.unwrap_or_default(),
        name: p.name.unwrap_or_default(),
        location: p.location.unwrap_or_default(),
    }
}

fn seconds(value: Option<i64>) -> i32 {
    value.and_then(|v| i32::try_from(v).ok()).unwrap_or(0)
}

/// RingCentral call record -> proto.
pub fn record(r: rc::CallLogRecord) -> pb::CallLogRecord {
    pb::CallLogRecord {
        id: r.id.unwrap_or_default(),
        session_id: r.session_id.unwrap_or_default(),
        telephony_session_id: r.telephony_session_id.unwrap_or_default(),
        start_time: convert::timestamp(r.start_time.as_deref()),
        duration: seconds(r.duration),
        direction: pb::CallDirection::from_rc(r.direction.as_deref().unwrap_or("")) as i32,
        r#type: pb::CallType::from_rc(r.r#type.as_deref().unwrap_or("")) as i32,
        action: r.action.unwrap_or_default(),
        result: r.result.unwrap_or_default(),
        reason: r.reason.unwrap_or_default(),
        from: r.from.map(party),
        to: r.to.map(party),
        extension_id: r
            .extension
            .and_then(|e| e.id)
            .map(|i| i.to_string())
            .unwrap_or_default(),
        transport: r.transport.unwrap_or_default(),
        recording: r.recording.map(|rec| pb::CallRecording {
            id: rec.id.unwrap_or_default(),
            r#type: rec.r#type.unwrap_or_default(),
            content_uri: rec.content_uri.unwrap_or_default(),
        }),
        legs: r
            .legs
            .into_iter()
            .map(|l| pb::CallLogLeg {
                start_time: convert::timestamp(l.start_time.as_deref()),
                duration: seconds(l.duration),
                direction: pb::CallDirection::from_rc(l.direction.as_deref().unwrap_or("")) as i32,
                r#type: pb::CallType::from_rc(l.r#type.as_deref().unwrap_or("")) as i32,
                action: l.action.unwrap_or_default(),
                result: l.result.unwrap_or_default(),
                from: l.from.map(party),
                to: l.to.map(party),
                leg_type: l.leg_type.unwrap_or_default(),
            })
            .collect(),
    }
}
