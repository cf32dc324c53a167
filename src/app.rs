//! The router: every page of the site and how it is rendered.

use crate::ui::{
    components::{current_user::provide_current_user, seo::document_title},
    layouts::site_layout::SiteLayout,
    pages::{
        account::{
            account_page::AccountPage, forgot_password_page::ForgotPasswordPage,
            login_page::LoginPage, reset_password_page::ResetPasswordPage, signup_page::SignupPage,
        },
        admin::{
            admin_page::AdminPage, audit_page::AuditPage, categories_page::CategoriesPage,
            expiry_page::ExpiryPage, gst_page::GstPage, menus_page::MenusPage,
            order_page::OrderPage as AdminOrderPage, orders_page::OrdersPage,
            page_edit_page::PageEditPage, pages_page::PagesPage, partners_page::PartnersPage,
            payouts_page::PayoutsPage, product_edit_page::ProductEditPage,
            products_page::ProductsPage, receiving_page::ReceivingPage,
            settings_page::SettingsPage, users_page::UsersPage,
        },
        crm::{board_page::CrmBoardPage, lead_page::LeadPage, new_lead_page::NewLeadPage},
        dashboard::dashboard_page::DashboardPage,
        not_found_page::NotFoundPage,
        partners::{apply_page::PartnerApplyPage, info_page::PartnerInfoPage},
        storefront::{
            cart_page::CartPage, category_page::CategoryPage, checkout_page::CheckoutPage,
            consultation_page::ConsultationPage, content_page::ContentPage, home_page::HomePage,
            invoice_page::InvoicePage, order_page::OrderPage, product_page::ProductPage,
            search_page::SearchPage,
        },
    },
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_current_user();
    // Async rendering: every page is complete (status, title, content) before
    // its first byte is sent, so it reads right without JavaScript.
    let ssr = SsrMode::Async;
    view! {
        <Title formatter=document_title />
        <Router>
            <SiteLayout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage ssr=ssr.clone() />
                    <Route path=path!("/c/:slug") view=CategoryPage ssr=ssr.clone() />
                    <Route path=path!("/p/:slug") view=ProductPage ssr=ssr.clone() />
                    <Route path=path!("/cart") view=CartPage ssr=ssr.clone() />
                    <Route path=path!("/checkout") view=CheckoutPage ssr=ssr.clone() />
                    <Route path=path!("/orders/:reference") view=OrderPage ssr=ssr.clone() />
                    <Route path=path!("/orders/:reference/invoice") view=InvoicePage ssr=ssr.clone() />
                    <Route path=path!("/search") view=SearchPage ssr=ssr.clone() />
                    <Route path=path!("/login") view=LoginPage ssr=ssr.clone() />
                    <Route path=path!("/signup") view=SignupPage ssr=ssr.clone() />
                    <Route path=path!("/forgot-password") view=ForgotPasswordPage ssr=ssr.clone() />
                    <Route path=path!("/reset-password") view=ResetPasswordPage ssr=ssr.clone() />
                    <Route path=path!("/account") view=AccountPage ssr=ssr.clone() />
                    <Route path=path!("/dashboard") view=DashboardPage ssr=ssr.clone() />
                    <Route path=path!("/book-a-consultation") view=ConsultationPage ssr=ssr.clone() />
                    <Route path=path!("/crm") view=CrmBoardPage ssr=ssr.clone() />
                    <Route path=path!("/crm/new") view=NewLeadPage ssr=ssr.clone() />
                    <Route path=path!("/crm/leads/:id") view=LeadPage ssr=ssr.clone() />
                    <Route path=path!("/admin") view=AdminPage ssr=ssr.clone() />
                    <Route path=path!("/admin/products") view=ProductsPage ssr=ssr.clone() />
                    <Route path=path!("/admin/products/:id") view=ProductEditPage ssr=ssr.clone() />
                    <Route path=path!("/admin/categories") view=CategoriesPage ssr=ssr.clone() />
                    <Route path=path!("/admin/receiving") view=ReceivingPage ssr=ssr.clone() />
                    <Route path=path!("/admin/expiry") view=ExpiryPage ssr=ssr.clone() />
                    <Route path=path!("/admin/gst") view=GstPage ssr=ssr.clone() />
                    <Route path=path!("/admin/orders") view=OrdersPage ssr=ssr.clone() />
                    <Route path=path!("/admin/orders/:reference") view=AdminOrderPage ssr=ssr.clone() />
                    <Route path=path!("/admin/pages") view=PagesPage ssr=ssr.clone() />
                    <Route path=path!("/admin/pages/:id") view=PageEditPage ssr=ssr.clone() />
                    <Route path=path!("/admin/menus") view=MenusPage ssr=ssr.clone() />
                    <Route path=path!("/admin/settings") view=SettingsPage ssr=ssr.clone() />
                    <Route path=path!("/partners") view=|| view! { <PartnerInfoPage path="/partners" /> } ssr=ssr.clone() />
                    <Route path=path!("/partners/ipp") view=|| view! { <PartnerInfoPage path="/partners/ipp" /> } ssr=ssr.clone() />
                    <Route path=path!("/partners/bpp") view=|| view! { <PartnerInfoPage path="/partners/bpp" /> } ssr=ssr.clone() />
                    <Route path=path!("/partners/faq") view=|| view! { <PartnerInfoPage path="/partners/faq" /> } ssr=ssr.clone() />
                    <Route path=path!("/partners/apply") view=PartnerApplyPage ssr=ssr.clone() />
                    <Route path=path!("/admin/partners") view=PartnersPage ssr=ssr.clone() />
                    <Route path=path!("/admin/payouts") view=PayoutsPage ssr=ssr.clone() />
                    <Route path=path!("/admin/users") view=UsersPage ssr=ssr.clone() />
                    <Route path=path!("/admin/audit") view=AuditPage ssr=ssr.clone() />
                    // Content pages answer at the top level (/about); every
                    // fixed address above wins over this one.
                    <Route path=path!("/:slug") view=ContentPage ssr=ssr />
                </Routes>
            </SiteLayout>
        </Router>
    }
}
