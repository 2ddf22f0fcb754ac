"""Screens for HR officers: first-run set-up, unlock, home, arming the interview station."""
