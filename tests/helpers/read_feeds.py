# Reads feeds the way many real readers do, with Python's feedparser (Debian's python3-feedparser),
# and OPML with listparser (python3-listparser), and prints what they understood as JSON.
# Usage: read_feeds.py FILE... (OPML files end in .opml)
import json
import sys

import feedparser
import listparser

out = {}
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        data = f.read()
    if path.endswith('.opml'):
        result = listparser.parse(data.decode('utf-8'))
        out[path] = {
            'bozo': bool(result.bozo),
            'error': str(result.get('bozo_exception', '')),
            'title': result.meta.get('title'),
            'feeds': [{'url': feed.url, 'title': feed.title} for feed in result.feeds],
        }
        continue
    result = feedparser.parse(data)
    out[path] = {
        'bozo': bool(result.bozo),
        'error': str(result.get('bozo_exception', '')),
        'version': result.version,
        'title': result.feed.get('title'),
        'entries': [
            {
                'id': entry.get('id'),
                'link': entry.get('link'),
                'title': entry.get('title'),
                'authors': [author.get('name') for author in entry.get('authors', [])],
                'published': entry.get('published'),
                'content': (entry.get('content') or [{}])[0].get('value') or entry.get('summary'),
            }
            for entry in result.entries
        ],
    }
print(json.dumps(out))
