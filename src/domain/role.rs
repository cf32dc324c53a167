//! Who a user is to the business. Staff have a sub-role (manager, pharmacist,
//! sales, auditor) that later areas narrow permissions by.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Customer,
    Partner,
    Staff,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::Partner => "partner",
            Role::Staff => "staff",
            Role::Admin => "admin",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        match value {
            "customer" => Some(Role::Customer),
            "partner" => Some(Role::Partner),
            "staff" => Some(Role::Staff),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// Partners, staff and admins have a dashboard; customers have their account page.
    pub fn has_dashboard(self) -> bool {
        !matches!(self, Role::Customer)
    }

    pub fn has_admin(self) -> bool {
        matches!(self, Role::Admin)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StaffRole {
    Manager,
    Pharmacist,
    Sales,
    Auditor,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_survives_a_round_trip_through_its_name() {
        for role in [Role::Customer, Role::Partner, Role::Staff, Role::Admin] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn only_admins_enter_the_admin_and_customers_have_no_dashboard() {
        assert!(Role::Admin.has_admin());
        assert!(!Role::Staff.has_admin());
        assert!(!Role::Customer.has_dashboard());
        assert!(Role::Partner.has_dashboard());
    }
}
