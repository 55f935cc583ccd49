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
    /// The field chain of each path variable, resolved when the routes load.
    pub variables: Vec<Vec<FieldDescriptor>>,
    /// The dotted JSON name of each path variable (`extensionId`).
    pub variable_names: Vec<String>,
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
    let mut variables = Vec::new();
    for var in template.variables() {
        variables.push(resolve(&input, var).ok_or_else(|| {
            format!(
                "{}: path variable {} is not a field",
                rpc.full_name(),
                var.join(".")
            )
        })?);
    }
    let variable_names = variables
        .iter()
        .map(|fields| {
            fields
                .iter()
                .map(FieldDescriptor::json_name)
                .collect::<Vec<_>>()
                .join(".")
        })
        .collect();
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
        variables,
        variable_names,
    })
}

/// Every route, indexed for matching: a request's path is split once and tried
/// only against the templates that share its first literal segments.
pub struct RouteTable {
    routes: Vec<Route>,
    /// Routes by their literal prefix (the first two segments, `api/extensions`).
    by_prefix: std::collections::HashMap<String, Vec<usize>>,
    /// Routes whose template starts with a variable too soon to be indexed.
    unindexed: Vec<usize>,
}

/// What a request's method and path find.
#[derive(Clone)]
pub enum Found {
    Route(&'static Route, Vec<super::template::Binding>),
    WrongMethod,
    Nothing,
}

/// How many literal segments index a route.
const PREFIX: usize = 2;

impl RouteTable {
    pub fn new(routes: Vec<Route>) -> Self {
        let mut by_prefix: std::collections::HashMap<String, Vec<usize>> = Default::default();
        let mut unindexed = Vec::new();
        for (i, route) in routes.iter().enumerate() {
            let prefix = route.template.literal_prefix();
            if prefix.len() >= PREFIX {
                by_prefix
                    .entry(prefix[..PREFIX].join("/"))
                    .or_default()
                    .push(i);
            } else {
                unindexed.push(i);
            }
        }
        RouteTable {
            routes,
            by_prefix,
            unindexed,
        }
    }

    pub fn routes(&self) -> &[Route] {
        &self.routes
    }

    /// The routes a path may match, split into its segments.
    fn candidates<'a>(&'a self, segments: &[&str]) -> impl Iterator<Item = &'a Route> {
        let key = (segments.len() >= PREFIX).then(|| {
            let mut key = String::with_capacity(32);
            for (i, s) in segments[..PREFIX].iter().enumerate() {
                if i > 0 {
                    key.push('/');
                }
                // A verb can only sit on a path's last segment.
                key.push_str(if i + 1 == segments.len() {
                    s.split(':').next().unwrap_or(s)
                } else {
                    s
                });
            }
            key
        });
        let indexed = key
            .and_then(|k| self.by_prefix.get(&k))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        indexed
            .iter()
            .chain(self.unindexed.iter())
            .map(|&i| &self.routes[i])
    }

    /// The route (and its bindings) for a request: one split of the path, the
    /// candidates of its prefix.
    pub fn find(&'static self, method: &http::Method, path: &str) -> Found {
        let Some(rest) = path.strip_prefix('/') else {
            return Found::Nothing;
        };
        let segments: Vec<&str> = rest.split('/').collect();
        let mut path_matched = false;
        for route in self.candidates(&segments) {
            if route.method != method {
                if !path_matched && route.template.matches_segments(&segments).is_some() {
                    path_matched = true;
                }
                continue;
            }
            if let Some(bindings) = route.template.matches_segments(&segments) {
                return Found::Route(route, bindings);
            }
        }
        if path_matched {
            Found::WrongMethod
        } else {
            Found::Nothing
        }
    }

    /// Methods allowed on `path` (for 405 answers).
    pub fn allowed(&self, path: &str) -> String {
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        let methods: Vec<&str> = self
            .candidates(&segments)
            .filter(|r| r.template.matches_segments(&segments).is_some())
            .map(|r| r.method.as_str())
            .collect();
        methods.join(", ")
    }
}

/// The gateway's routes, read once per process from the descriptor set it was built
/// from (which is static).
pub fn table() -> Result<&'static RouteTable, String> {
    static TABLE: std::sync::LazyLock<Result<RouteTable, String>> =
        std::sync::LazyLock::new(|| {
            load(crate::proto::pool(), crate::proto::PACKAGE).map(RouteTable::new)
        });
    TABLE.as_ref().map_err(Clone::clone)
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
