"""The application core. Never imports Qt: everything here runs and is tested headless."""
