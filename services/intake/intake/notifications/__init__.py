"""Customer notifications: what the events about a customer's ticket tell them, in their
language, by e-mail and SMS, outside the quiet hours unless urgent. See README.md beside this
file."""
