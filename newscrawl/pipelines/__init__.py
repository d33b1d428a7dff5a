"""Item pipelines: validate, dedupe, store (one component per module)."""
