"""The Compare pane: 2 to 4 models answer the same prompt side by side (issue #18)."""
