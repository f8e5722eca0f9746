"""Accounts: sign-up, log-in, roles, profiles and notification preferences."""
