//! Money in integer minor units plus an ISO 4217 currency.
