//! The partner programme's shared types: the two kinds of partner and an
//! application to join, parsed from the form in one place.

use super::{Email, FormErrors, FormValues, Gstin, Mobile, Pan, PersonName, UpiId};
use serde::{Deserialize, Serialize};

/// Individuals bring customers by word of mouth; businesses (shops,
/// clinics, firms) are GST-registered and bring their own customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PartnerKind {
    Individual,
    Business,
}

impl PartnerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PartnerKind::Individual => "ipp",
            PartnerKind::Business => "bpp",
        }
    }

    pub fn parse(value: &str) -> Option<PartnerKind> {
        match value {
            "ipp" => Some(PartnerKind::Individual),
            "bpp" => Some(PartnerKind::Business),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PartnerKind::Individual => "Individual partner",
            PartnerKind::Business => "Business partner",
        }
    }
}

/// The application form exactly as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationForm {
    pub kind: String,
    pub name: String,
    pub email: String,
    pub mobile: String,
    pub city: String,
    pub pan: String,
    pub upi_id: String,
    pub business_name: String,
    pub gstin: String,
    pub address: String,
}

/// What a business partner adds to an application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessDetails {
    pub business_name: String,
    pub gstin: Gstin,
    pub address: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Application {
    pub kind: PartnerKind,
    pub name: PersonName,
    pub email: Email,
    pub mobile: Mobile,
    pub city: String,
    pub pan: Option<Pan>,
    pub upi_id: UpiId,
    pub business: Option<BusinessDetails>,
}

/// An application as the admin reviews it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationView {
    pub id: i64,
    pub kind: PartnerKind,
    pub name: String,
    pub email: String,
    pub mobile: String,
    pub city: String,
    pub pan: Option<String>,
    pub upi_id: String,
    pub business_name: Option<String>,
    pub gstin: Option<String>,
    pub address: Option<String>,
    /// `pending`, `approved` or `rejected`.
    pub status: String,
    pub reject_reason: Option<String>,
    pub received: String,
}

/// An approved partner as the admin manages them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminPartner {
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub kind: PartnerKind,
    pub referral_code: String,
    /// e.g. `8 %`.
    pub rate: String,
    pub documents: Vec<super::DocumentView>,
}

pub const KIND_MISSING: &str = "Choose individual or business partner.";

fn required_text(input: &str, what: &str, max: usize) -> Result<String, String> {
    let text = input.trim();
    if text.is_empty() {
        Err(format!("Enter {what}."))
    } else if text.chars().count() > max {
        Err(format!("Keep {what} to {max} characters."))
    } else if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r')
    {
        Err(format!(
            "{} contains characters we cannot store.",
            capitalised(what)
        ))
    } else {
        Ok(text.to_string())
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

impl ApplicationForm {
    /// What the applicant typed, to show the form again beside its messages.
    pub fn values(&self) -> FormValues {
        [
            ("kind", &self.kind),
            ("name", &self.name),
            ("email", &self.email),
            ("mobile", &self.mobile),
            ("city", &self.city),
            ("pan", &self.pan),
            ("upi_id", &self.upi_id),
            ("business_name", &self.business_name),
            ("gstin", &self.gstin),
            ("address", &self.address),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
    }

    /// Every field checked at once, so the applicant sees every mistake together.
    pub fn parse(&self) -> Result<Application, FormErrors> {
        let mut form = FormErrors::new(self.values());
        let kind = form.check(
            "kind",
            PartnerKind::parse(&self.kind).ok_or_else(|| KIND_MISSING.to_string()),
        );
        let name = form.check("name", PersonName::parse(&self.name));
        let email = form.check("email", Email::parse(&self.email));
        let mobile = form.check("mobile", Mobile::parse(&self.mobile));
        let city = form.check("city", required_text(&self.city, "your city", 60));
        let pan = form.check("pan", Pan::parse_optional(&self.pan));
        let upi_id = form.check("upi_id", UpiId::parse(&self.upi_id));
        let business = match kind {
            Some(PartnerKind::Business) => {
                let business_name = form.check(
                    "business_name",
                    required_text(&self.business_name, "the business's name", 120),
                );
                let gstin = form.check("gstin", Gstin::parse(&self.gstin));
                let address = form.check(
                    "address",
                    required_text(&self.address, "the business's address", 300),
                );
                match (business_name, gstin, address) {
                    (Some(business_name), Some(gstin), Some(address)) => Some(BusinessDetails {
                        business_name,
                        gstin,
                        address,
                    }),
                    _ => None,
                }
            }
            _ => None,
        };
        match (kind, name, email, mobile, city, pan, upi_id) {
            (
                Some(kind),
                Some(name),
                Some(email),
                Some(mobile),
                Some(city),
                Some(pan),
                Some(upi_id),
            ) if form.is_empty() => Ok(Application {
                kind,
                name,
                email,
                mobile,
                city,
                pan,
                upi_id,
                business,
            }),
            _ => Err(form),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn individual() -> ApplicationForm {
        ApplicationForm {
            kind: "ipp".into(),
            name: "Meera Joshi".into(),
            email: "Meera@Example.com".into(),
            mobile: "+91 98220 12345".into(),
            city: "Pune".into(),
            upi_id: "meera@okhdfc".into(),
            ..Default::default()
        }
    }

    #[test]
    fn an_individual_needs_no_business_details_and_pan_is_optional() {
        let application = individual().parse().unwrap();
        assert_eq!(application.kind, PartnerKind::Individual);
        assert_eq!(application.email.as_str(), "meera@example.com");
        assert_eq!(application.mobile.as_str(), "9822012345");
        assert_eq!(application.pan, None);
        assert_eq!(application.business, None);
    }

    #[test]
    fn a_business_must_give_its_name_gstin_and_address() {
        let form = ApplicationForm {
            kind: "bpp".into(),
            gstin: "27AAPFU0939F1ZX".into(),
            ..individual()
        };
        let errors = form.parse().unwrap_err();
        assert_eq!(
            errors.field("business_name"),
            Some("Enter the business's name.")
        );
        assert_eq!(
            errors.field("gstin"),
            Some(super::super::gstin::GSTIN_CHECKSUM)
        );
        assert_eq!(
            errors.field("address"),
            Some("Enter the business's address.")
        );
        assert_eq!(errors.value("gstin"), Some("27AAPFU0939F1ZX"));
    }

    #[test]
    fn every_mistake_is_reported_at_once_beside_its_field() {
        let form = ApplicationForm {
            kind: "".into(),
            mobile: "12345".into(),
            pan: "ABCDE".into(),
            upi_id: "meera".into(),
            city: " ".into(),
            ..individual()
        };
        let errors = form.parse().unwrap_err();
        for field in ["kind", "mobile", "pan", "upi_id", "city"] {
            assert!(errors.field(field).is_some(), "{field} has no message");
        }
        assert_eq!(errors.value("mobile"), Some("12345"));
    }
}
