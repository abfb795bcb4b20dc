//! `autocomplete-valid`: the `autocomplete` attribute of a form field is a valid autofill detail
//! token list (ACT 73f2c2, WCAG 1.3.5): `[section-*] [shipping|billing] [home|work|mobile|fax|pager]
//! field [webauthn]`, where the contact token may only precede a contact field (`tel*`, `email`,
//! `impp`), after the HTML "autofill detail tokens" grammar.

use super::common;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "autocomplete-valid",
    title: "autocomplete attributes have valid values",
    wcag: &["1.3.5"],
    act: &["73f2c2"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "A valid autocomplete value tells browsers and assistive technologies what a field asks for, so they can fill it in or show familiar icons; an invalid one is ignored.",
    fix: "Use the HTML autofill tokens in their order, e.g. autocomplete=\"shipping street-address\" or \"work email\"; use \"on\"/\"off\" to only toggle autofill.",
    examples: Examples {
        pass: &[
            "<label>Username<input autocomplete=\"username\"></label>",
            "<label>Office email<input autocomplete=\"section-primary shipping work email\"></label>",
            "<label>Password<input type=\"password\" autocomplete=\"current-password webauthn\"></label>",
        ],
        fail: &[
            "<label>Username<input autocomplete=\"badname\"></label>",
            "<label>Photo<input autocomplete=\"work photo\"></label>",
            "<label>Email<input autocomplete=\"work shipping email\"></label>",
        ],
        inapplicable: &[
            "<label>Username<input autocomplete=\" \"></label>",
            "<label>Name<input autocomplete=\"off\"></label>",
            "<label>Username<input autocomplete=\"badname\" disabled></label>",
            "<input type=\"submit\" autocomplete=\"email\">",
        ],
    },
};

/// Autofill field names (HTML "autofill field" keywords).
const FIELDS: &[&str] = &[
    "name", "honorific-prefix", "given-name", "additional-name", "family-name", "honorific-suffix",
    "nickname", "username", "new-password", "current-password", "one-time-code",
    "organization-title", "organization", "street-address", "address-line1", "address-line2",
    "address-line3", "address-level4", "address-level3", "address-level2", "address-level1",
    "country", "country-name", "postal-code", "cc-name", "cc-given-name", "cc-additional-name",
    "cc-family-name", "cc-number", "cc-exp", "cc-exp-month", "cc-exp-year", "cc-csc", "cc-type",
    "transaction-currency", "transaction-amount", "language", "bday", "bday-day", "bday-month",
    "bday-year", "sex", "url", "photo",
];

/// Fields that a contact token (`home`, `work`...) may precede.
const CONTACT_FIELDS: &[&str] = &[
    "tel", "tel-country-code", "tel-national", "tel-area-code", "tel-local", "tel-local-prefix",
    "tel-local-suffix", "tel-extension", "email", "impp",
];

const CONTACT_TOKENS: &[&str] = &["home", "work", "mobile", "fax", "pager"];

/// Why a token list is invalid, or `Ok(())`.
fn validate(value: &str) -> Result<(), String> {
    let tokens: Vec<String> = value.split_ascii_whitespace().map(|t| t.to_ascii_lowercase()).collect();
    let mut rest: &[String] = &tokens;
    if let Some((last, before)) = rest.split_last() {
        if last == "webauthn" {
            rest = before;
        }
    }
    let Some((field, prefix)) = rest.split_last() else {
        return Err("it has no autofill field name (such as \"email\" or \"street-address\")".into());
    };
    let is_contact_field = CONTACT_FIELDS.contains(&field.as_str());
    if !is_contact_field && !FIELDS.contains(&field.as_str()) {
        return Err(format!("\"{field}\" is not an autofill field name"));
    }
    // The optional tokens, each at most once and in order: section-*, shipping|billing, contact.
    let mut stage = 0;
    for token in prefix {
        let this = if token.starts_with("section-") {
            1
        } else if token == "shipping" || token == "billing" {
            2
        } else if CONTACT_TOKENS.contains(&token.as_str()) {
            if !is_contact_field {
                return Err(format!("\"{token}\" can only precede a phone, email or impp field, not \"{field}\""));
            }
            3
        } else if FIELDS.contains(&token.as_str()) || CONTACT_FIELDS.contains(&token.as_str()) {
            return Err(format!("it has more than one field name (\"{token}\" and \"{field}\")"));
        } else {
            return Err(format!("\"{token}\" is not an autofill token"));
        };
        if this <= stage {
            return Err(format!("\"{token}\" is out of order (section-*, then shipping/billing, then home/work/..., then the field)"));
        }
        stage = this;
    }
    Ok(())
}

enum Reason {
    Valid(String),
    Invalid { value: String, why: String },
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Valid(v) => Evaluation::passed(format!("autocomplete=\"{v}\" is a valid autofill token list.")),
            Reason::Invalid { value, why } => Evaluation::failed(format!(
                "autocomplete=\"{value}\" is not valid: {why}. Browsers and assistive technologies can't tell what this field asks for."
            )),
        }
    }
}

/// The rule.
pub struct AutocompleteValid;

impl Rule for AutocompleteValid {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::with_attr(cx, &local_name!("autocomplete"))
            .filter(|(id, el)| {
                let Some(value) = el.attr(&local_name!("autocomplete")) else { return false };
                let tokens: Vec<&str> = value.split_ascii_whitespace().collect();
                let toggle = matches!(tokens.as_slice(), [t] if t.eq_ignore_ascii_case("on") || t.eq_ignore_ascii_case("off"));
                let field = el.is_html(&local_name!("select")) || el.is_html(&local_name!("textarea")) || el.is_html(&local_name!("input"));
                let fixed = el.is_html(&local_name!("input"))
                    && ["button", "checkbox", "file", "image", "radio", "reset", "submit"]
                        .contains(&common::input_type(el).as_str());
                let hidden = !cx.tree.is_visible(*id) && cx.tree.is_hidden(*id);
                let widget = cx.tree.has_role(*id, "widget");
                let is_static = cx.tree.tab_position(*id).is_none() && !widget;
                field
                    && !tokens.is_empty()
                    && !toggle
                    && !fixed
                    && !cx.tree.is_disabled(*id)
                    && !hidden
                    && !is_static
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let value = cx.snap.element(target).and_then(|el| el.attr(&local_name!("autocomplete"))).unwrap_or("").trim().to_string();
        let reason = match validate(&value) {
            Ok(()) => Reason::Valid(value),
            Err(why) => Reason::Invalid { value, why },
        };
        reason.evaluation()
    }
}

#[cfg(test)]
mod tests {
    use super::validate;

    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }

    #[test]
    fn grammar() {
        for ok in [
            "Street-Address", "work email", "section-partner email", "section-primary billing address-line1",
            "bday-day", "current-password webauthn", "mobile tel-national", "shipping tel",
        ] {
            assert!(validate(ok).is_ok(), "{ok}: {:?}", validate(ok));
        }
        for bad in [
            "badname", "work photo", "work shipping email", "work,email", "banner", "shipping", "work",
            "address-line1 address-line2", "current-password webauthn invalid", "email invalid",
            "webauthn", "billing shipping name", "section-a section-b name",
        ] {
            assert!(validate(bad).is_err(), "{bad} should be invalid");
        }
    }
}
