"""From chosen inputs to the next version: merging, outcomes and dispositions, consolidate, rebase checks, trace."""
