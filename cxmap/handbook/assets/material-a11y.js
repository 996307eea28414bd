/* Material for MkDocs' defaults, adjusted where axe-core finds accessibility violations. */
