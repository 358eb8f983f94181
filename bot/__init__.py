"""The GitHub adapter, installed as `ccmflow.bot`: events in, one client out, one module per behaviour."""
