"""One module per page type: its section ids and its renderer. Each renders
Markdown from the validated data, with the helpers of `elements`."""
