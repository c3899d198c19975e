"""Reports built on the ledger: the monthly notice (`notice`), the quarterly ranking (`ranking`),
the annual awards (`awards`), what they share (`scope`), and the metrics import from outlets'
back-office sheets (`metrics_import`, with the row matcher `matching`)."""
