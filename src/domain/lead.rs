//! The CRM's shared types: a lead's stage, the form a lead is entered with,
//! and what the board and a lead's page show.

use super::{parse_rupees, Email, FormErrors, FormValues, Mobile, Paise, PersonName};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LeadStage {
    New,
    Contacted,
    Qualified,
    Won,
    Lost,
}

impl LeadStage {
    pub const ALL: [LeadStage; 5] = [
        LeadStage::New,
        LeadStage::Contacted,
        LeadStage::Qualified,
        LeadStage::Won,
        LeadStage::Lost,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LeadStage::New => "new",
            LeadStage::Contacted => "contacted",
            LeadStage::Qualified => "qualified",
            LeadStage::Won => "won",
            LeadStage::Lost => "lost",
        }
    }

    pub fn parse(value: &str) -> Option<LeadStage> {
        LeadStage::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// Won and lost are the shop's decisions: a won lead can earn a partner
    /// the programme's reward, so only staff who work leads set them.
    pub fn is_closed(self) -> bool {
        matches!(self, LeadStage::Won | LeadStage::Lost)
    }

    /// The stages someone may choose when moving a lead.
    pub fn choices(staff: bool) -> Vec<LeadStage> {
        LeadStage::ALL
            .into_iter()
            .filter(|s| staff || !s.is_closed())
            .collect()
    }

    pub fn label(self) -> &'static str {
        match self {
            LeadStage::New => "New",
            LeadStage::Contacted => "Contacted",
            LeadStage::Qualified => "Qualified",
            LeadStage::Won => "Won",
            LeadStage::Lost => "Lost",
        }
    }
}

/// A lead as entered by staff or a partner, exactly as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadForm {
    pub name: String,
    pub mobile: String,
    pub email: String,
    pub company: String,
    pub city: String,
    pub interest: String,
    pub estimated_value: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLeadDetails {
    pub name: PersonName,
    pub mobile: Option<Mobile>,
    pub email: Option<Email>,
    pub company: String,
    pub city: String,
    pub interest: String,
    pub estimated_value: Option<Paise>,
}

pub const CONTACT_MISSING: &str =
    "Give a mobile number or an email address, so someone can reach them.";

fn short_text(input: &str, field: &str, max: usize, form: &mut FormErrors) -> String {
    let text = input.trim();
    if text.chars().count() > max {
        form.add(field, format!("Keep this to {max} characters."));
    }
    text.to_string()
}

impl LeadForm {
    pub fn values(&self) -> FormValues {
        [
            ("name", &self.name),
            ("mobile", &self.mobile),
            ("email", &self.email),
            ("company", &self.company),
            ("city", &self.city),
            ("interest", &self.interest),
            ("estimated_value", &self.estimated_value),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
    }

    pub fn parse(&self) -> Result<NewLeadDetails, FormErrors> {
        let mut form = FormErrors::new(self.values());
        let name = form.check("name", PersonName::parse(&self.name));
        let mobile = form.check("mobile", Mobile::parse_optional(&self.mobile));
        let email = form.check(
            "email",
            if self.email.trim().is_empty() {
                Ok(None)
            } else {
                Email::parse(&self.email).map(Some)
            },
        );
        if matches!((&mobile, &email), (Some(None), Some(None))) {
            form.add("mobile", CONTACT_MISSING);
        }
        let estimated_value = form.check(
            "estimated_value",
            if self.estimated_value.trim().is_empty() {
                Ok(None)
            } else {
                parse_rupees(&self.estimated_value).map(Some)
            },
        );
        let company = short_text(&self.company, "company", 120, &mut form);
        let city = short_text(&self.city, "city", 60, &mut form);
        let interest = short_text(&self.interest, "interest", 1000, &mut form);
        match (name, mobile, email, estimated_value) {
            (Some(name), Some(mobile), Some(email), Some(estimated_value)) if form.is_empty() => {
                Ok(NewLeadDetails {
                    name,
                    mobile,
                    email,
                    company,
                    city,
                    interest,
                    estimated_value,
                })
            }
            _ => Err(form),
        }
    }
}

/// A lead on the board and on its own page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadCard {
    pub id: i64,
    pub name: String,
    pub company: String,
    pub city: String,
    pub mobile: Option<String>,
    pub email: Option<String>,
    pub source: String,
    pub interest: String,
    pub estimated_value: Option<Paise>,
    pub stage: LeadStage,
    pub lost_reason: Option<String>,
    pub assignee: Option<String>,
    pub assignee_id: Option<String>,
    pub submitted_by: Option<String>,
    /// `YYYY-MM-DD`.
    pub follow_up_on: Option<String>,
    /// The follow-up date is today or past.
    pub follow_up_due: bool,
    /// Set once the lead became a customer account.
    pub is_customer: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadEvent {
    pub kind: String,
    pub body: String,
    pub actor: Option<String>,
    pub at: String,
}

/// `(id, name)` of someone a lead can be assigned to.
pub type Assignee = (String, String);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrmBoard {
    pub leads: Vec<LeadCard>,
    /// Staff may assign and see everyone's leads; partners see their own.
    pub is_staff: bool,
}

impl CrmBoard {
    pub fn in_stage(&self, stage: LeadStage) -> impl Iterator<Item = &LeadCard> {
        self.leads.iter().filter(move |l| l.stage == stage)
    }

    pub fn due_today(&self) -> impl Iterator<Item = &LeadCard> {
        self.leads
            .iter()
            .filter(|l| l.follow_up_due && !matches!(l.stage, LeadStage::Won | LeadStage::Lost))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadDetail {
    pub lead: LeadCard,
    pub timeline: Vec<LeadEvent>,
    pub assignees: Vec<Assignee>,
    pub is_staff: bool,
}

/// A date as `<input type="date">` sends it (`YYYY-MM-DD`); blank is none.
pub fn parse_date(input: &str) -> Result<Option<(i32, u8, u8)>, String> {
    const MESSAGE: &str = "Choose a date, e.g. 2026-12-01.";
    let text = input.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let mut parts = text.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(MESSAGE.into());
    };
    match (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>()) {
        (Ok(y), Ok(m), Ok(d))
            if (2000..=2999).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) =>
        {
            Ok(Some((y, m, d)))
        }
        _ => Err(MESSAGE.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> LeadForm {
        LeadForm {
            name: "Sunil Patil".into(),
            mobile: "98220 55555".into(),
            company: "Patil Traders".into(),
            estimated_value: "25,000".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_lead_needs_a_name_and_a_way_to_reach_them() {
        let lead = form().parse().unwrap();
        assert_eq!(lead.mobile.unwrap().as_str(), "9822055555");
        assert_eq!(lead.estimated_value, Some(Paise(2_500_000)));
        let unreachable = LeadForm {
            mobile: "".into(),
            ..form()
        };
        assert_eq!(
            unreachable.parse().unwrap_err().field("mobile"),
            Some(CONTACT_MISSING)
        );
    }

    #[test]
    fn every_stage_survives_a_round_trip_through_its_name() {
        for stage in LeadStage::ALL {
            assert_eq!(LeadStage::parse(stage.as_str()), Some(stage));
        }
        assert_eq!(LeadStage::parse("archived"), None);
    }

    #[test]
    fn dates_are_read_as_the_date_input_sends_them() {
        assert_eq!(parse_date("2026-12-01"), Ok(Some((2026, 12, 1))));
        assert_eq!(parse_date(" "), Ok(None));
        assert!(parse_date("01/12/2026").is_err());
        assert!(parse_date("2026-13-01").is_err());
    }
}
