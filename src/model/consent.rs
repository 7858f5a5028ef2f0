//! Consent: what a customer agreed to be contacted by. Each channel is `granted`, `refused`
//! or (never asked, the default) `unknown`; `do_not_contact` overrides them all for outbound
//! contact, except the follow-ups of a complaint the customer raised.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Schema};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{PartialSchema, ToSchema};

use crate::model::customer::Channel;
use crate::model::vocabulary;

vocabulary!(
    /// What the customer said about being contacted on a channel.
    ConsentState {
        /// The customer agreed.
        Granted => "granted",
        /// The customer said no: nothing is planned on this channel.
        Refused => "refused",
        /// Never asked: contact is allowed, as before consent was recorded.
        Unknown => "unknown",
    }
);

/// The consent of a customer, by channel. Channels not named are `unknown`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Consent(pub BTreeMap<Channel, ConsentState>);

/// An unknown channel is refused with the list of channels (a derived map would only say
/// that some key was wrong).
impl<'de> Deserialize<'de> for Consent {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Consent;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of channel: granted | refused | unknown")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Consent, A::Error> {
                let mut out = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    let Some(channel) = Channel::from_name(&key) else {
                        return Err(serde::de::Error::custom(format!(
                            "unknown channel `{key}`; channels are {}",
                            Channel::NAMES.join(", ")
                        )));
                    };
                    out.insert(channel, map.next_value::<ConsentState>()?);
                }
                Ok(Consent(out))
            }
        }
        deserializer.deserialize_map(Visit)
    }
}

impl Consent {
    pub fn state(&self, channel: Channel) -> ConsentState {
        self.0
            .get(&channel)
            .copied()
            .unwrap_or(ConsentState::Unknown)
    }

    /// True unless the customer refused the channel.
    pub fn allows(&self, channel: Channel) -> bool {
        self.state(channel) != ConsentState::Refused
    }

    /// Applies what a caller sent: the channels named take their new state.
    pub fn merge(&mut self, given: &Consent) {
        for (channel, state) in &given.0 {
            if *state == ConsentState::Unknown {
                self.0.remove(channel);
            } else {
                self.0.insert(*channel, *state);
            }
        }
    }

    /// Where contact planned on `channel` goes: the channel itself unless refused, else the
    /// customer's preferred channel when allowed, else the first channel the customer
    /// explicitly granted; `None` when none is left.
    pub fn route(&self, channel: Channel, preferred: Option<Channel>) -> Option<Channel> {
        if self.allows(channel) {
            return Some(channel);
        }
        preferred.filter(|p| self.allows(*p)).or_else(|| {
            self.0
                .iter()
                .find(|(_, s)| **s == ConsentState::Granted)
                .map(|(c, _)| *c)
        })
    }

    /// The channels whose state differs between `self` (before) and `after`.
    pub fn changes(&self, after: &Consent) -> Vec<(Channel, ConsentState)> {
        Channel::ALL
            .iter()
            .filter(|c| self.state(**c) != after.state(**c))
            .map(|c| (*c, after.state(*c)))
            .collect()
    }

    /// Every channel with its state, as the API shows it.
    pub fn shown(&self) -> BTreeMap<Channel, ConsentState> {
        Channel::ALL.iter().map(|c| (*c, self.state(*c))).collect()
    }

    /// The stored form: only the channels that are not `unknown`.
    pub fn to_stored(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_else(|_| serde_json::json!({}))
    }

    /// Reads the stored form; words it does not know are a fault in the data.
    pub fn from_stored(value: &serde_json::Value) -> crate::model::error::DomainResult<Self> {
        serde_json::from_value(value.clone()).map_err(|e| {
            crate::model::error::DomainError::Internal(format!("stored consent {value}: {e}"))
        })
    }
}

/// The schema of a consent object: one optional property per channel.
fn consent_schema(description: &str) -> RefOr<Schema> {
    let mut object = ObjectBuilder::new()
        .description(Some(description))
        .additional_properties(Some(AdditionalProperties::FreeForm(false)));
    for name in Channel::NAMES {
        object = object.property(*name, Ref::from_schema_name(ConsentState::name()));
    }
    object.into()
}

impl PartialSchema for Consent {
    fn schema() -> RefOr<Schema> {
        consent_schema(
            "Consent by channel. Channels left out keep their state; `unknown` forgets what was \
             recorded.",
        )
    }
}

impl ToSchema for Consent {}

/// Every channel with its state, as the customer shows it.
#[derive(Clone, Debug, Serialize)]
#[serde(transparent)]
pub struct ConsentShown(pub BTreeMap<Channel, ConsentState>);

impl PartialSchema for ConsentShown {
    fn schema() -> RefOr<Schema> {
        let mut object = ObjectBuilder::new()
            .description(Some("Consent by channel, every channel named."))
            .additional_properties(Some(AdditionalProperties::FreeForm(false)));
        for name in Channel::NAMES {
            object = object
                .property(*name, Ref::from_schema_name(ConsentState::name()))
                .required(*name);
        }
        object.into()
    }
}

impl ToSchema for ConsentShown {}

#[cfg(test)]
mod tests {
    use super::*;

    fn consent(pairs: &[(Channel, ConsentState)]) -> Consent {
        Consent(pairs.iter().copied().collect())
    }

    #[test]
    fn a_refused_channel_goes_to_the_preferred_or_a_granted_one() {
        use Channel::*;
        use ConsentState::*;
        let c = consent(&[(Phone, Refused), (Letter, Granted)]);
        assert_eq!(c.route(Email, None), Some(Email), "unknown is allowed");
        assert_eq!(c.route(Phone, Some(Email)), Some(Email));
        assert_eq!(c.route(Phone, Some(Phone)), Some(Letter));
        assert_eq!(c.route(Phone, None), Some(Letter));
        let none = consent(&[(Phone, Refused)]);
        assert_eq!(none.route(Phone, None), None);
    }

    #[test]
    fn merging_unknown_forgets_and_changes_name_what_moved() {
        use Channel::*;
        use ConsentState::*;
        let before = consent(&[(Phone, Refused), (Email, Granted)]);
        let mut after = before.clone();
        after.merge(&consent(&[(Phone, Unknown), (Sms, Refused)]));
        assert_eq!(after, consent(&[(Email, Granted), (Sms, Refused)]));
        assert_eq!(
            before.changes(&after),
            vec![(Phone, Unknown), (Sms, Refused)]
        );
        assert_eq!(
            after.to_stored(),
            serde_json::json!({"email": "granted", "sms": "refused"})
        );
    }
}
