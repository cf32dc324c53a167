//! An audit entry as a person reads it: the fields that changed, each with
//! its value before and after, money in rupees, rates in per cent, yes/no,
//! and ids replaced by names where the caller knows them.

use super::Paise;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// Fields holding paise, by name.
const MONEY_FIELDS: [&str; 6] = [
    "price",
    "mrp",
    "total",
    "amount",
    "reward",
    "estimated_value",
];

/// The fields that differ between two recorded values (JSON objects; either
/// may be absent, for a creation or a removal). `name_of(field, value)`
/// gives a name for an id (a category's name for `category_id`), if known.
pub fn field_changes(
    before: Option<&str>,
    after: Option<&str>,
    name_of: &dyn Fn(&str, &Value) -> Option<String>,
) -> Vec<FieldChange> {
    let before = object(before);
    let after = object(after);
    let mut fields: Vec<&String> = before.keys().chain(after.keys()).collect();
    fields.sort();
    fields.dedup();
    fields
        .into_iter()
        .filter(|field| before.get(*field) != after.get(*field))
        .map(|field| {
            let show = |value: Option<&Value>| match value {
                None | Some(Value::Null) => "—".to_string(),
                Some(value) => name_of(field, value).unwrap_or_else(|| shown(field, value)),
            };
            FieldChange {
                field: label(field),
                before: show(before.get(field)),
                after: show(after.get(field)),
            }
        })
        .collect()
}

fn object(text: Option<&str>) -> Map<String, Value> {
    match text.and_then(|t| serde_json::from_str(t).ok()) {
        Some(Value::Object(map)) => map,
        Some(other) => Map::from_iter([("value".to_string(), other)]),
        None => Map::new(),
    }
}

fn shown(field: &str, value: &Value) -> String {
    let money = MONEY_FIELDS.contains(&field) || field.ends_with("_paise");
    match value {
        Value::Number(n) if money => n
            .as_i64()
            .map_or_else(|| n.to_string(), |p| Paise(p).to_string()),
        Value::Number(n) if field.ends_with("_bp") => n.as_i64().map_or_else(
            || n.to_string(),
            |bp| format!("{}.{:02} %", bp / 100, bp % 100),
        ),
        Value::Bool(true) => "yes".to_string(),
        Value::Bool(false) => "no".to_string(),
        Value::String(s) if s.is_empty() => "(empty)".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `low_stock_threshold` → "Low stock threshold"; `category_id` → "Category".
fn label(field: &str) -> String {
    let words = field
        .strip_suffix("_id")
        .or_else(|| field.strip_suffix("_paise"))
        .or_else(|| field.strip_suffix("_bp"))
        .unwrap_or(field)
        .replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_names(_: &str, _: &Value) -> Option<String> {
        None
    }

    #[test]
    fn only_changed_fields_are_listed_with_money_in_rupees() {
        let changes = field_changes(
            Some(r#"{"name":"Rice","price":10365050,"active":true,"hsn":"1006"}"#),
            Some(r#"{"name":"Rice","price":9900,"active":false,"hsn":"1006"}"#),
            &no_names,
        );
        assert_eq!(
            changes,
            [
                FieldChange {
                    field: "Active".into(),
                    before: "yes".into(),
                    after: "no".into()
                },
                FieldChange {
                    field: "Price".into(),
                    before: "₹1,03,650.50".into(),
                    after: "₹99.00".into()
                },
            ]
        );
    }

    #[test]
    fn ids_become_names_and_a_creation_has_nothing_before() {
        let names = |field: &str, value: &Value| {
            (field == "category_id" && value == &Value::from(3)).then(|| "Snacks".to_string())
        };
        let changes = field_changes(
            None,
            Some(r#"{"category_id":3,"ipp_commission_bp":550}"#),
            &names,
        );
        assert_eq!(
            changes,
            [
                FieldChange {
                    field: "Category".into(),
                    before: "—".into(),
                    after: "Snacks".into()
                },
                FieldChange {
                    field: "Ipp commission".into(),
                    before: "—".into(),
                    after: "5.50 %".into()
                },
            ]
        );
    }
}
