"""Assessment pages, by area: home, metrics import, notices and rankings, awards, the ledger."""
