//! The committed document is what the code generates, and every operation is documented.

use serde_json::Value;

#[test]
fn committed_document_matches_the_code() {
    let generated = rapport::http::openapi::to_pretty_json(&rapport::http::routing::document());
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json"))
            .unwrap_or_default();
    assert!(
        generated == committed,
        "openapi/openapi.json is stale: run `cargo run -- openapi > openapi/openapi.json`"
    );
}

#[test]
fn every_operation_has_a_tag_a_summary_an_id_and_error_responses() {
    let doc: Value = serde_json::to_value(rapport::http::routing::document()).unwrap();
    // What the service sends to webhook endpoints is held to the same standard, but for the
    // error answers, which are the receiver's.
    for (name, item) in doc["webhooks"].as_object().unwrap() {
        let op = &item["post"];
        assert!(
            op["summary"].is_string() && op["description"].is_string(),
            "{name}"
        );
        assert!(op["operationId"].is_string(), "{name}: operationId");
        let body = &op["requestBody"]["content"]["application/json"];
        assert_eq!(body["example"]["type"], name.as_str(), "{name}: example");
    }
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let name = format!("{method} {path}");
            assert!(
                op["tags"].as_array().is_some_and(|t| !t.is_empty()),
                "{name}: tag"
            );
            assert!(
                op["summary"].as_str().is_some_and(|s| !s.is_empty()),
                "{name}: summary"
            );
            assert!(
                op["description"].as_str().is_some_and(|s| !s.is_empty()),
                "{name}: description"
            );
            assert!(op["operationId"].as_str().is_some(), "{name}: operationId");
            if path.starts_with("/api/v1/") {
                let documented = op["responses"].as_object().unwrap();
                assert!(
                    documented.keys().any(|status| status.starts_with('4')),
                    "{name}: error responses"
                );
                if path != "/api/v1/auth/token" {
                    assert!(op["responses"]["401"].is_object(), "{name}: 401 documented");
                    assert!(op["security"].is_array(), "{name}: security");
                }
            }
            for (media, body) in op["requestBody"]["content"]
                .as_object()
                .into_iter()
                .flatten()
            {
                assert!(has_example(&doc, body), "{name}: {media} request example");
            }
            for (status, response) in op["responses"].as_object().unwrap() {
                for (media, body) in response["content"].as_object().into_iter().flatten() {
                    assert!(
                        has_example(&doc, body),
                        "{name}: {status} {media} response example"
                    );
                }
            }
        }
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    assert!(doc["components"]["schemas"]["Problem"].is_object());
}

/// An example on the media type, or on the schema it names (followed through `$ref`).
fn has_example(doc: &Value, media: &Value) -> bool {
    if media.get("example").is_some() || media.get("examples").is_some() {
        return true;
    }
    let mut schema = &media["schema"];
    while let Some(name) = schema["$ref"].as_str() {
        let name = name.trim_start_matches("#/components/schemas/");
        schema = &doc["components"]["schemas"][name];
    }
    schema.get("example").is_some() || schema.get("examples").is_some()
}

#[test]
fn every_reference_resolves() {
    let doc: Value = serde_json::to_value(rapport::http::routing::document()).unwrap();
    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    assert!(!refs.is_empty());
    for r in refs {
        let pointer = r
            .strip_prefix('#')
            .filter(|p| p.starts_with("/components/"))
            .unwrap_or_else(|| panic!("unexpected ref {r}"));
        assert!(doc.pointer(pointer).is_some(), "unresolvable reference {r}");
    }
}

fn collect_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("$ref", Value::String(r)) => out.push(r.clone()),
                    _ => collect_refs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}
