//! RingCentral's paging envelope: `{uri, records, paging, navigation}` with
//! `EnumeratedPagingModel` and `PageNavigationModel` (API-NOTES §3).

use super::errors::ApiError;
use super::query::Params;
use rc_spec::models::{NavigationInfo, NavigationUri, Page, PagingInfo};

/// Reads `page` (>= 1, default 1) and `perPage` (1..1000, default 100).
pub fn params(params: &Params) -> Result<(usize, usize), ApiError> {
    let page = params.int("page", 1..=100_000)?.unwrap_or(1) as usize;
    let per_page = params.int("perPage", 1..=1000)?.unwrap_or(100) as usize;
    Ok((page, per_page))
}

/// One page of `records`, with links built on `uri` (the list's URI without query).
pub fn page<T: Clone>(
    records: &[T],
    page: usize,
    per_page: usize,
    uri: &str,
    extra_query: &str,
) -> Page<T> {
    let total = records.len();
    let total_pages = total.div_ceil(per_page).max(1);
    let start = (page - 1) * per_page;
    let slice: Vec<T> = records.iter().skip(start).take(per_page).cloned().collect();
    let link = |p: usize| {
        Some(NavigationUri {
            uri: Some(format!("{uri}?{extra_query}page={p}&perPage={per_page}")),
        })
    };
    let empty = slice.is_empty();
    Page {
        uri: Some(format!("{uri}?{extra_query}page={page}&perPage={per_page}")),
        paging: Some(PagingInfo {
            page: (!empty).then_some(page as i32),
            per_page: per_page as i32,
            page_start: (!empty).then_some(start as i32),
            page_end: (!empty).then(|| (start + slice.len() - 1) as i32),
            total_pages: Some(total_pages as i32),
            total_elements: Some(total as i32),
        }),
        navigation: Some(NavigationInfo {
            first_page: link(1),
            next_page: (page < total_pages).then(|| link(page + 1)).flatten(),
            previous_page: (page > 1 && page <= total_pages)
                .then(|| link(page - 1))
                .flatten(),
            last_page: link(total_pages),
        }),
        records: slice,
    }
}

/// The query string of filters to repeat in navigation links (`a=1&b=2&`).
pub fn carry(pairs: &[(&str, &str)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        out.append_pair(k, v);
    }
    let s = out.finish();
    if s.is_empty() { s } else { s + "&" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_links() {
        let records: Vec<u32> = (0..25).collect();
        let p = page(&records, 2, 10, "http://x/list", "");
        assert_eq!(p.records, (10..20).collect::<Vec<_>>());
        let paging = p.paging.unwrap();
        assert_eq!(
            (paging.page, paging.page_start, paging.page_end),
            (Some(2), Some(10), Some(19))
        );
        assert_eq!(paging.total_pages, Some(3));
        let nav = p.navigation.unwrap();
        assert!(nav.next_page.unwrap().uri.unwrap().contains("page=3"));
        assert!(nav.previous_page.unwrap().uri.unwrap().contains("page=1"));
    }

    #[test]
    fn pages_past_the_end_are_empty() {
        let records: Vec<u32> = (0..5).collect();
        let p = page(&records, 3, 10, "http://x/list", "");
        assert!(p.records.is_empty());
        let paging = p.paging.unwrap();
        assert_eq!(paging.page, None);
        assert_eq!(paging.per_page, 10);
        assert!(p.navigation.unwrap().next_page.is_none());
    }
}
