"""The media pipeline: probe uploads, transcode to an HLS ladder, publish, recover."""
