//! JSON log lines with the fields operators search by at the top level: timestamp,
//! level, logger, message, the event's own fields and those of the spans it happens
//! in (so every line of a request carries its request_id and trace_id).
//!
//! Written here rather than with tracing-subscriber's JSON formatter, which nests span
//! fields under "span"/"spans" and names the target "target". Lines are written
//! straight into one buffer (no intermediate map): a span's fields are rendered to
//! JSON once, when recorded, and an event's field shadows a span's of the same name,
//! an inner span's an outer one's.

use std::fmt::{self, Write as _};

use tracing::field::{Field, Visit};
use tracing::{Event, Subscriber};
use tracing_subscriber::Layer;
use tracing_subscriber::layer::Context;
use tracing_subscriber::registry::LookupSpan;

/// Fields recorded on a span, each value already rendered as JSON.
#[derive(Default)]
struct SpanFields(Vec<(&'static str, String)>);

impl SpanFields {
    fn set(&mut self, name: &'static str, value: String) {
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some((_, slot)) => *slot = value,
            None => self.0.push((name, value)),
        }
    }
}

/// Whether a field stays out of the log line: OpenTelemetry's naming fields are for
/// the exporter, and the `log` crate's location fields are noise.
fn skipped(name: &str) -> bool {
    name.starts_with("otel.") || matches!(name, "log.file" | "log.line" | "log.module_path")
}

/// Writes `s` as the inside of a JSON string.
struct Escaped<'a>(&'a mut String);

impl fmt::Write for Escaped<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let out = &mut *self.0;
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0..=0x1f => "",
                _ => continue,
            };
            out.push_str(&s[start..i]);
            if escape.is_empty() {
                let _ = write!(out, "\\u{:04x}", b);
            } else {
                out.push_str(escape);
            }
            start = i + 1;
        }
        out.push_str(&s[start..]);
        Ok(())
    }
}

fn push_str(out: &mut String, value: &str) {
    out.push('"');
    let _ = Escaped(out).write_str(value);
    out.push('"');
}

fn push_debug(out: &mut String, value: &dyn fmt::Debug) {
    out.push('"');
    let _ = write!(Escaped(out), "{value:?}");
    out.push('"');
}

fn push_f64(out: &mut String, value: f64) {
    if value.is_finite() {
        let _ = write!(out, "{value}");
    } else {
        out.push_str("null");
    }
}

/// Renders a value as JSON into `out`.
fn render(out: &mut String, value: Value<'_>) {
    match value {
        Value::Str(s) => push_str(out, s),
        Value::Debug(d) => push_debug(out, d),
        Value::I64(v) => {
            let _ = write!(out, "{v}");
        }
        Value::U64(v) => {
            let _ = write!(out, "{v}");
        }
        Value::F64(v) => push_f64(out, v),
        Value::Bool(v) => out.push_str(if v { "true" } else { "false" }),
    }
}

enum Value<'a> {
    Str(&'a str),
    Debug(&'a dyn fmt::Debug),
    I64(i64),
    U64(u64),
    F64(f64),
    Bool(bool),
}

/// Feeds every field of a span or event, with its value, to a closure.
struct Fields<F>(F);

impl<F: FnMut(&'static str, Value<'_>)> Visit for Fields<F> {
    fn record_str(&mut self, field: &Field, value: &str) {
        (self.0)(field.name(), Value::Str(value));
    }

    fn record_i64(&mut self, field: &Field, value: i64) {
        (self.0)(field.name(), Value::I64(value));
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        (self.0)(field.name(), Value::U64(value));
    }

    fn record_f64(&mut self, field: &Field, value: f64) {
        (self.0)(field.name(), Value::F64(value));
    }

    fn record_bool(&mut self, field: &Field, value: bool) {
        (self.0)(field.name(), Value::Bool(value));
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        (self.0)(field.name(), Value::Debug(value));
    }
}

fn record_into(fields: &mut SpanFields) -> Fields<impl FnMut(&'static str, Value<'_>) + '_> {
    Fields(move |name: &'static str, value: Value<'_>| {
        if !skipped(name) {
            let mut rendered = String::new();
            render(&mut rendered, value);
            fields.set(name, rendered);
        }
    })
}

/// Writes one JSON object per event, to stdout unless told otherwise.
pub struct JsonLayer {
    sink: fn(Vec<u8>),
}

impl Default for JsonLayer {
    fn default() -> Self {
        JsonLayer {
            sink: super::writer::write_line,
        }
    }
}

impl<S> Layer<S> for JsonLayer
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    fn on_new_span(
        &self,
        attrs: &tracing::span::Attributes<'_>,
        id: &tracing::span::Id,
        ctx: Context<'_, S>,
    ) {
        let mut fields = SpanFields::default();
        attrs.record(&mut record_into(&mut fields));
        if let Some(span) = ctx.span(id) {
            span.extensions_mut().insert(fields);
        }
    }

    fn on_record(
        &self,
        id: &tracing::span::Id,
        values: &tracing::span::Record<'_>,
        ctx: Context<'_, S>,
    ) {
        if let Some(span) = ctx.span(id) {
            let mut extensions = span.extensions_mut();
            if let Some(fields) = extensions.get_mut::<SpanFields>() {
                values.record(&mut record_into(fields));
            }
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let mut line = String::with_capacity(512);
        let _ = write!(
            line,
            "{{\"timestamp\":\"{}\",\"level\":\"{}\"",
            humantime::format_rfc3339_micros(std::time::SystemTime::now()),
            event.metadata().level().as_str()
        );
        // Names written so far: the event's fields come first, then the spans' from the
        // innermost out, and a name already written is not written again.
        let mut written: Vec<&'static str> = Vec::with_capacity(16);
        let mut logger = None;
        event.record(&mut Fields(|name: &'static str, value: Value<'_>| {
            // Records of dependencies that use the `log` crate arrive with target
            // "log" and their real target in "log.target".
            if name == "log.target" {
                let mut target = String::new();
                render(&mut target, value);
                logger = Some(target);
                return;
            }
            if skipped(name) || written.contains(&name) {
                return;
            }
            written.push(name);
            let _ = write!(line, ",\"{name}\":");
            render(&mut line, value);
        }));
        match logger {
            Some(target) => {
                line.push_str(",\"logger\":");
                line.push_str(&target);
            }
            None => {
                line.push_str(",\"logger\":");
                push_str(&mut line, event.metadata().target());
            }
        }
        written.push("logger");
        if let Some(scope) = ctx.event_scope(event) {
            for span in scope {
                if let Some(SpanFields(fields)) = span.extensions().get::<SpanFields>() {
                    for (name, value) in fields {
                        if !written.contains(name) {
                            written.push(name);
                            let _ = write!(line, ",\"{name}\":{value}");
                        }
                    }
                }
            }
        }
        line.push_str("}\n");
        (self.sink)(line.into_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tracing_subscriber::layer::SubscriberExt;

    thread_local! {
        static CAPTURED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }

    fn capture(line: Vec<u8>) {
        CAPTURED.with(|c| c.borrow_mut().extend_from_slice(&line));
    }

    /// Lines written while `f` runs under a subscriber with the JSON layer, parsed.
    fn lines(f: impl FnOnce()) -> Vec<serde_json::Value> {
        let subscriber = tracing_subscriber::registry().with(JsonLayer { sink: capture });
        tracing::subscriber::with_default(subscriber, f);
        let captured = CAPTURED.with(|c| String::from_utf8(c.take()).unwrap());
        captured
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    }

    #[test]
    fn events_carry_their_spans_fields_inner_over_outer_and_event_over_span() {
        let got = lines(|| {
            let outer = tracing::info_span!(
                "outer",
                request_id = "r-1",
                shared = "outer",
                otel.name = "x"
            );
            let _o = outer.enter();
            let inner =
                tracing::info_span!("inner", shared = "inner", late = tracing::field::Empty);
            inner.record("late", 7);
            let _i = inner.enter();
            tracing::info!(
                status = "OK",
                duration_ms = 1.5,
                ok = true,
                n = -3i64,
                "call \"finished\"\n"
            );
            tracing::warn!(shared = "event", "again");
        });
        assert_eq!(got.len(), 2);
        let first = &got[0];
        assert_eq!(first["message"], "call \"finished\"\n");
        assert_eq!(first["level"], "INFO");
        assert_eq!(first["logger"], module_path!());
        assert_eq!(first["request_id"], "r-1");
        assert_eq!(first["shared"], "inner");
        assert_eq!(first["late"], 7);
        assert_eq!(first["status"], "OK");
        assert_eq!(first["duration_ms"], 1.5);
        assert_eq!(first["ok"], true);
        assert_eq!(first["n"], -3);
        assert!(first.get("otel.name").is_none());
        assert!(first["timestamp"].as_str().unwrap().ends_with('Z'));
        assert_eq!(got[1]["shared"], "event");
        assert_eq!(got[1]["level"], "WARN");
    }

    #[test]
    fn control_characters_and_non_finite_numbers_stay_valid_json() {
        let got = lines(|| {
            tracing::info!(weird = "a\u{1}b\tc\\", nan = f64::NAN, "x");
        });
        assert_eq!(got[0]["weird"], "a\u{1}b\tc\\");
        assert!(got[0]["nan"].is_null());
    }
}
