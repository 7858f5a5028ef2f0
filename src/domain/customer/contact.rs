//! How two records of one person are recognised: a phone number in E.164 (libphonenumber's
//! data, with the customer's country as the region of a number written without one), an
//! email in lower case, company and city compared without case or extra space.
//! The import, the profile and the duplicate matcher all read contact data through here.

/// Why a phone number cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhoneProblem {
    /// Written without a country code, and the customer has no country to read it with.
    NoRegion,
    /// Not a phone number of the country it names or is read with.
    Unreadable,
}

impl PhoneProblem {
    pub fn message(&self) -> &'static str {
        match self {
            Self::NoRegion => {
                "cannot tell the country: write it in international form (+49 30 …) or set \
                 country to an ISO 3166 code such as DE"
            }
            Self::Unreadable => "is not a phone number of its country",
        }
    }
}

/// The region a customer's `country` names, when it is an ISO 3166-1 alpha-2 code.
fn region(country: Option<&str>) -> Option<phonenumber::country::Id> {
    country.and_then(|c| c.trim().to_uppercase().parse().ok())
}

/// `phone` in E.164 (`+493012345678`).
pub fn e164(phone: &str, country: Option<&str>) -> Result<String, PhoneProblem> {
    let region = region(country);
    match phonenumber::parse(region, phone) {
        Ok(number) => Ok(number.format().mode(phonenumber::Mode::E164).to_string()),
        Err(_) if region.is_none() && !phone.trim_start().starts_with('+') => {
            Err(PhoneProblem::NoRegion)
        }
        Err(_) => Err(PhoneProblem::Unreadable),
    }
}

/// An email as stored and compared: without surrounding space, in lower case (domains are
/// case-insensitive, and no mail system in use tells local parts apart by case).
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// The key of a free-text value compared without case or extra space (company, city);
/// `None` for blank text.
pub fn text_key(value: &str) -> Option<String> {
    let key = value.split_whitespace().collect::<Vec<_>>().join(" ");
    (!key.is_empty()).then(|| key.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_and_international_forms_of_one_number_meet() {
        let international = e164("+49 30 1234567", None).unwrap();
        assert_eq!(international, "+49301234567");
        assert_eq!(e164("030 1234567", Some("DE")).unwrap(), international);
        assert_eq!(e164("(030) 123-4567", Some("de")).unwrap(), international);
        assert_eq!(e164("0049 30 1234567", Some("DE")).unwrap(), international);
        // The country does not override a number that names its own.
        assert_eq!(e164("+49 30 1234567", Some("GB")).unwrap(), international);
        assert_eq!(
            e164("020 7946 0000", Some("GB")).unwrap(),
            e164("+44 20 7946 0000", None).unwrap()
        );
    }

    #[test]
    fn a_number_without_its_country_is_refused() {
        assert_eq!(e164("030 1234567", None), Err(PhoneProblem::NoRegion));
        assert_eq!(
            e164("030 1234567", Some("Germany")),
            Err(PhoneProblem::NoRegion)
        );
        assert_eq!(e164("+", None), Err(PhoneProblem::Unreadable));
    }

    #[test]
    fn emails_and_names_compare_without_case() {
        assert_eq!(normalise_email(" Ada.L@Example.COM "), "ada.l@example.com");
        assert_eq!(
            text_key("  Analytical   Engines "),
            Some("analytical engines".into())
        );
        assert_eq!(text_key("   "), None);
        assert_eq!(text_key("MÜNCHEN"), Some("münchen".into()));
    }
}
