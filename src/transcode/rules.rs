//! The route table: every RPC's `google.api.http` rules, read once at start from the
//! descriptor set that tonic was generated from.

use http::Method;
use prost_reflect::{DescriptorPool, FieldDescriptor, Kind, MethodDescriptor, Value};

use super::template::PathTemplate;

/// How the HTTP body maps onto the request message.
#[derive(Debug, Clone)]
pub enum BodyRule {
    /// No body.
    None,
    /// `body: "*"`: the whole request message, minus path variables.
    Whole,
    /// `body: "field"`: that field's message.
    Field(FieldDescriptor),
}

/// One HTTP binding of an RPC.
#[derive(Debug, Clone)]
pub struct Route {
    pub method: Method,
    pub template: PathTemplate,
    pub rpc: MethodDescriptor,
    /// `/package.Service/Method`, the gRPC path the route calls.
    pub grpc_path: http::uri::PathAndQuery,
    pub body: BodyRule,
    pub response_body: Option<FieldDescriptor>,
}

impl Route {
    pub fn server_streaming(&self) -> bool {
        self.rpc.is_server_streaming()
    }
}

/// Reads the HTTP rules of every service in `package`.
pub fn load(pool: &DescriptorPool, package: &str) -> Result<Vec<Route>, String> {
    let http = pool
        .get_extension_by_name("google.api.http")
        .ok_or("google.api.http is not in the descriptor set")?;
    let mut routes = Vec::new();
    for service in pool.services().filter(|s| s.package_name() == package) {
        for rpc in service.methods() {
            let options = rpc.options();
            if !options.has_extension(&http) {
                continue;
            }
            let Value::Message(rule) = options.get_extension(&http).into_owned() else {
                return Err(format!(
                    "{}: google.api.http is not a message",
                    rpc.full_name()
                ));
            };
            routes.push(route(&rpc, &rule)?);
            if let Some(Value::List(extra)) = rule
                .get_field_by_name("additional_bindings")
                .map(|v| v.into_owned())
            {
                for binding in extra {
                    if let Value::Message(binding) = binding {
                        routes.push(route(&rpc, &binding)?);
                    }
                }
            }
        }
    }
    Ok(routes)
}

fn route(rpc: &MethodDescriptor, rule: &prost_reflect::DynamicMessage) -> Result<Route, String> {
    let text = |name: &str| {
        rule.get_field_by_name(name)
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    let mut pattern = None;
    for (name, method) in [
        ("get", Method::GET),
        ("put", Method::PUT),
        ("post", Method::POST),
        ("delete", Method::DELETE),
        ("patch", Method::PATCH),
    ] {
        if rule.has_field_by_name(name) {
            pattern = Some((method, text(name)));
        }
    }
    if rule.has_field_by_name("custom")
        && let Some(Value::Message(custom)) =
            rule.get_field_by_name("custom").map(|v| v.into_owned())
    {
        let kind = custom
            .get_field_by_name("kind")
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let path = custom
            .get_field_by_name("path")
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let method =
            Method::from_bytes(kind.as_bytes()).map_err(|e| format!("{}: {e}", rpc.full_name()))?;
        pattern = Some((method, path));
    }
    let (method, path) =
        pattern.ok_or_else(|| format!("{}: HTTP rule without a pattern", rpc.full_name()))?;
    let template = PathTemplate::parse(&path).map_err(|e| format!("{}: {e}", rpc.full_name()))?;
    let input = rpc.input();
    for var in template.variables() {
        resolve(&input, var).ok_or_else(|| {
            format!(
                "{}: path variable {} is not a field",
                rpc.full_name(),
                var.join(".")
            )
        })?;
    }
    let body = match text("body").as_str() {
        "" => BodyRule::None,
        "*" => BodyRule::Whole,
        name => {
            let field = input
                .get_field_by_name(name)
                .ok_or_else(|| format!("{}: body field {name} does not exist", rpc.full_name()))?;
            if !matches!(field.kind(), Kind::Message(_)) || field.is_list() {
                return Err(format!(
                    "{}: body field {name} must be a message",
                    rpc.full_name()
                ));
            }
            BodyRule::Field(field)
        }
    };
    let response_body = match text("response_body").as_str() {
        "" => None,
        name => Some(rpc.output().get_field_by_name(name).ok_or_else(|| {
            format!(
                "{}: response_body field {name} does not exist",
                rpc.full_name()
            )
        })?),
    };
    let grpc_path = format!("/{}/{}", rpc.parent_service().full_name(), rpc.name())
        .parse()
        .map_err(|e| format!("{}: {e}", rpc.full_name()))?;
    Ok(Route {
        method,
        template,
        rpc: rpc.clone(),
        grpc_path,
        body,
        response_body,
    })
}

/// The chain of fields a dotted path names, by proto or JSON name.
pub fn resolve(
    message: &prost_reflect::MessageDescriptor,
    path: &[String],
) -> Option<Vec<FieldDescriptor>> {
    let mut fields = Vec::with_capacity(path.len());
    let mut current = message.clone();
    for (i, name) in path.iter().enumerate() {
        let field = current
            .get_field_by_name(name)
            .or_else(|| current.get_field_by_json_name(name))?;
        if i + 1 < path.len() {
            match field.kind() {
                Kind::Message(m) if !field.is_list() && !field.is_map() => current = m,
                _ => return None,
            }
        }
        fields.push(field);
    }
    Some(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_gateway_rpc_has_a_route() {
        let routes = load(crate::proto::pool(), crate::proto::PACKAGE).unwrap();
        let find = |method: Method, path: &str| {
            routes
                .iter()
                .find(|r| r.method == method && r.template.matches(path).is_some())
                .map(|r| r.rpc.full_name().to_owned())
        };
        assert_eq!(
            find(Method::GET, "/api/extensions").as_deref(),
            Some("rcgateway.v1.ExtensionService.ListExtensions")
        );
        assert_eq!(
            find(Method::PUT, "/api/extensions/12/number").as_deref(),
            Some("rcgateway.v1.ExtensionService.UpdateExtensionNumber")
        );
        assert_eq!(
            find(Method::DELETE, "/api/sites/5").as_deref(),
            Some("rcgateway.v1.SiteService.DeleteSite")
        );
        assert_eq!(
            find(Method::GET, "/api/health").as_deref(),
            Some("rcgateway.v1.HealthService.Check")
        );
        for service in crate::proto::pool()
            .services()
            .filter(|s| s.package_name() == crate::proto::PACKAGE)
        {
            for rpc in service.methods() {
                assert!(
                    routes.iter().any(|r| r.rpc == rpc),
                    "{} has no google.api.http rule",
                    rpc.full_name()
                );
            }
        }
    }
}
