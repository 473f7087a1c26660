/* Reserved for the edition's reader tools (cite, permalinks); loaded on every page. */
