//! Duplicate candidates: two customers that look like one person, how likely that is and why.
//! The scoring is pure and the same on either database: the database only narrows the field
//! (by index), the score is computed here.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

crate::model::vocabulary!(
    /// Why two customers look like one person.
    ///
    /// * `same_email`: the same email address (compared without case)
    /// * `same_phone`: the same phone number once both are read in E.164
    /// * `similar_name_same_company`: names alike (trigram similarity at least 0.5) at the same
    ///   company
    /// * `similar_name_same_city`: names alike in the same city
    ReasonCode {
        SameEmail => "same_email",
        SamePhone => "same_phone",
        SimilarNameSameCompany => "similar_name_same_company",
        SimilarNameSameCity => "similar_name_same_city",
    }
);

/// One reason, with what matched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"code": "same_phone", "detail": "+493012345678"}))]
pub struct Reason {
    pub code: ReasonCode,
    /// What the two share, or how alike their names are.
    pub detail: String,
}

/// Two customers that may be one person. `customer_id` is the customer asked about (on
/// `GET /customers/{id}/duplicates`) or the one with the lower id (on `GET /duplicates`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "customer_id": "01932c90-0000-7000-8000-000000000001",
    "other_id": "01932c90-0000-7000-8000-000000000002",
    "score": 98,
    "reasons": [{"code": "same_email", "detail": "ada@example.com"}, {"code": "same_phone", "detail": "+442079460000"}]
}))]
pub struct Candidate {
    pub customer_id: Uuid,
    pub other_id: Uuid,
    /// 0–100: how likely the two are one person. 70 or more is a strong candidate.
    #[schema(minimum = 0, maximum = 100)]
    pub score: i16,
    pub reasons: Vec<Reason>,
}

/// From this score on a candidate is strong: a new customer gets the `possible_duplicates`
/// hint, and `on_duplicate=reject` refuses it.
pub const STRONG: i16 = 70;

/// Names at least this alike (trigram similarity, 0–1) count as similar.
pub const NAME_SIMILARITY: f64 = 0.5;

/// What each reason weighs alone, 0–100; a similar name weighs its share of its weight by
/// how alike the names are. Reasons combine as independent evidence:
/// `100 × (1 − Π(1 − weight/100))`.
pub const WEIGHT_EMAIL: f64 = 90.0;
pub const WEIGHT_PHONE: f64 = 80.0;
pub const WEIGHT_NAME_COMPANY: f64 = 70.0;
pub const WEIGHT_NAME_CITY: f64 = 50.0;

/// What two customers are compared by.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Identity {
    pub id: Uuid,
    pub name: String,
    pub email: Option<String>,
    pub phone_e164: Option<String>,
    pub company_key: Option<String>,
    pub city_key: Option<String>,
}

/// The trigrams of `text` as PostgreSQL's `pg_trgm` forms them: lower case, words of letters
/// and digits, each padded with two spaces before and one after.
pub fn trigrams(text: &str) -> BTreeSet<[char; 3]> {
    let mut out = BTreeSet::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let padded: Vec<char> = "  "
            .chars()
            .chain(word.chars().flat_map(char::to_lowercase))
            .chain(" ".chars())
            .collect();
        for w in padded.windows(3) {
            out.insert([w[0], w[1], w[2]]);
        }
    }
    out
}

/// How alike two names are, 0–1: shared trigrams over all trigrams (`pg_trgm`'s
/// `similarity`).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (trigrams(a), trigrams(b));
    let all = a.union(&b).count();
    if all == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / all as f64
}

/// Whether `a` and `b` look like one person: the score and the reasons, or `None`.
pub fn compare(a: &Identity, b: &Identity) -> Option<Candidate> {
    if a.id == b.id {
        return None;
    }
    let mut weights = Vec::new();
    let mut reasons = Vec::new();
    let same = |x: &Option<String>, y: &Option<String>| x.is_some() && x == y;
    if same(&a.email, &b.email) {
        weights.push(WEIGHT_EMAIL);
        reasons.push(reason(ReasonCode::SameEmail, a.email.clone()));
    }
    if same(&a.phone_e164, &b.phone_e164) {
        weights.push(WEIGHT_PHONE);
        reasons.push(reason(ReasonCode::SamePhone, a.phone_e164.clone()));
    }
    let same_place = same(&a.company_key, &b.company_key) || same(&a.city_key, &b.city_key);
    let alike = if same_place {
        similarity(&a.name, &b.name)
    } else {
        0.0
    };
    if alike >= NAME_SIMILARITY {
        let detail = format!("names {:.0}% alike", alike * 100.0);
        if same(&a.company_key, &b.company_key) {
            weights.push(WEIGHT_NAME_COMPANY * alike);
            reasons.push(reason(
                ReasonCode::SimilarNameSameCompany,
                Some(detail.clone()),
            ));
        }
        if same(&a.city_key, &b.city_key) {
            weights.push(WEIGHT_NAME_CITY * alike);
            reasons.push(reason(ReasonCode::SimilarNameSameCity, Some(detail)));
        }
    }
    if reasons.is_empty() {
        return None;
    }
    let apart: f64 = weights.iter().map(|w| 1.0 - w / 100.0).product();
    Some(Candidate {
        customer_id: a.id,
        other_id: b.id,
        score: (100.0 * (1.0 - apart)).round().clamp(0.0, 100.0) as i16,
        reasons,
    })
}

fn reason(code: ReasonCode, detail: Option<String>) -> Reason {
    Reason {
        code,
        detail: detail.unwrap_or_default(),
    }
}

/// A pair in the order it is stored and dismissed in: the lower id first.
pub fn ordered(a: Uuid, b: Uuid) -> (Uuid, Uuid) {
    if a <= b { (a, b) } else { (b, a) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(n: u128, name: &str) -> Identity {
        Identity {
            id: Uuid::from_u128(n),
            name: name.into(),
            ..Default::default()
        }
    }

    #[test]
    fn trigrams_are_those_of_pg_trgm() {
        // SELECT show_trgm('Ada') answers {"  a"," ad",ada,"da "}
        let t: Vec<String> = trigrams("Ada").iter().map(|t| t.iter().collect()).collect();
        assert_eq!(t, ["  a", " ad", "ada", "da "]);
        assert_eq!(similarity("Ada Lovelace", "ada  lovelace!"), 1.0);
        assert_eq!(similarity("", ""), 0.0);
        let jon = similarity("Jon Smith", "John Smith");
        assert!(jon > 0.5 && jon < 0.8, "{jon}");
        assert!(similarity("Ada Lovelace", "Charles Babbage") < 0.1);
    }

    #[test]
    fn each_reason_weighs_and_they_combine() {
        let mut a = person(1, "Ada Lovelace");
        let mut b = person(2, "Countess of Lovelace");
        assert_eq!(compare(&a, &b), None);
        a.email = Some("ada@example.com".into());
        b.email = a.email.clone();
        let c = compare(&a, &b).unwrap();
        assert_eq!((c.score, c.reasons[0].code), (90, ReasonCode::SameEmail));
        a.phone_e164 = Some("+442079460000".into());
        b.phone_e164 = a.phone_e164.clone();
        assert_eq!(compare(&a, &b).unwrap().score, 98);

        let mut a = person(1, "Ada Lovelace");
        let mut b = person(2, "Ada Lovelace");
        a.city_key = Some("london".into());
        b.city_key = Some("london".into());
        let c = compare(&a, &b).unwrap();
        assert_eq!(c.score, 50);
        assert!(c.score < STRONG);
        a.company_key = Some("analytical engines".into());
        b.company_key = a.company_key.clone();
        let c = compare(&a, &b).unwrap();
        assert_eq!(c.score, 85);
        assert_eq!(
            c.reasons.iter().map(|r| r.code).collect::<Vec<_>>(),
            [
                ReasonCode::SimilarNameSameCompany,
                ReasonCode::SimilarNameSameCity
            ]
        );
        // An empty key matches nothing.
        let (a, b) = (person(1, "Ada"), person(2, "Ada"));
        assert_eq!(compare(&a, &b), None);
        assert_eq!(compare(&a, &a), None);
    }
}
