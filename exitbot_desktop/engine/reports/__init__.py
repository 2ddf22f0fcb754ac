"""Reports for HR: PDFs, CSV/JSON exports, anonymisation, legacy import. Never imports Qt."""
