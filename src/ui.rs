//! Everything the browser sees: layouts, reusable components and pages.

pub mod components;
pub mod layouts;
pub mod pages;
