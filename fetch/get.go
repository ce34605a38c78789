package fetch

import (
	"context"
	"errors"
	"maps"

	"scrutiny/extract"
	"scrutiny/store"
)

// body is what a URL holds now: its bytes, their hash and their blob.
type body struct {
	data []byte
	sha  string
	blob string // relative to the data directory
}

// get fetches url, conditionally when its last body is still on disk, and
// records the answer. The body is kept in blobs; on 304 it comes from
// there.
func (f *fetcher) get(ctx context.Context, sr *sourceRun, url string, blobs Blobs) (body, error) {
	if ctx.Err() != nil {
		return body{}, ctx.Err()
	}
	wctx := context.WithoutCancel(ctx)
	st, known, err := f.db.FetchState(wctx, url)
	if err != nil {
		return body{}, f.dbFailed(sr, err)
	}
	var v Validators
	var last []byte
	if known && st.Blob != "" && st.SHA256 != "" {
		// Ask conditionally only when the body to fall back on is intact.
		if data, err := blobs.Read(st.Blob, st.SHA256); err == nil {
			v, last = Validators{ETag: st.ETag, LastModified: st.LastModified}, data
		}
	}
	sr.res.Requests++
	resp, err := f.c.Get(ctx, url, v)
	if err != nil {
		if ctx.Err() == nil {
			status := 0
			var he *HTTPError
			if errors.As(err, &he) {
				status = he.Status
			}
			if dberr := f.db.PutFetchState(wctx, store.FetchState{URL: url, Status: status, Error: err.Error()}); dberr != nil {
				return body{}, f.dbFailed(sr, dberr)
			}
		}
		return body{}, err
	}
	if resp.NotModified() {
		if last == nil {
			return body{}, &HTTPError{URL: url, Status: resp.Status, Reason: "answered a request that was not conditional"}
		}
		sr.res.NotModified++
		if err := f.db.PutFetchState(wctx, store.FetchState{URL: url, Status: resp.Status}); err != nil {
			return body{}, f.dbFailed(sr, err)
		}
		return body{data: last, sha: st.SHA256, blob: st.Blob}, nil
	}
	sr.res.Downloaded++
	sha, rel, err := blobs.Put(resp.Body, bodyExt(resp.Body, resp.ContentType, resp.URL))
	if err != nil {
		return body{}, f.dbFailed(sr, err)
	}
	err = f.db.PutFetchState(wctx, store.FetchState{
		URL: url, Status: resp.Status, ETag: resp.Validators.ETag, LastModified: resp.Validators.LastModified,
		SHA256: sha, Blob: rel, ContentType: resp.ContentType, Size: int64(len(resp.Body)),
	})
	if err != nil {
		return body{}, f.dbFailed(sr, err)
	}
	return body{data: resp.Body, sha: sha, blob: rel}, nil
}

// dbFailed marks the source's run as stopped by the database or the disk,
// which no retry of the site's will mend.
func (f *fetcher) dbFailed(sr *sourceRun, err error) error {
	if sr.fatal == nil {
		sr.fatal = err
	}
	return err
}

// document fetches a document for ingest and records it with meta.
func (f *fetcher) document(ctx context.Context, sr *sourceRun, url string, meta map[string]string) {
	b, err := f.get(ctx, sr, url, f.docs)
	if err != nil {
		f.fail(ctx, sr, url, err)
		return
	}
	f.keep(ctx, sr, b, url, meta)
}

// keep records a document whose body is in the blob store, unless
// Scrutiny cannot read its format.
func (f *fetcher) keep(ctx context.Context, sr *sourceRun, b body, url string, meta map[string]string) {
	if _, ok := extract.FormatOf(b.blob); !ok {
		sr.res.Skipped++
		f.log("%s: skipped %s: not a format Scrutiny reads (%s)", sr.src.Name, url, b.blob)
		return
	}
	m := maps.Clone(meta)
	m["source"], m["authority"], m["url"] = sr.src.Name, sr.src.Authority, url
	rec := store.Fetched{SHA256: b.sha, Blob: b.blob, URL: url, Source: sr.src.Name, Meta: m, RunID: f.runID}
	isNew, err := f.db.PutFetched(context.WithoutCancel(ctx), rec)
	if err != nil {
		f.dbFailed(sr, err)
		return
	}
	sr.res.Documents++
	if isNew {
		sr.res.New++
		sr.new = append(sr.new, rec)
	}
}

// derived stores a document made from a fetched answer (an agenda item's
// minutes taken out of GetMeeting) and records it with meta.
func (f *fetcher) derived(ctx context.Context, sr *sourceRun, data []byte, ext, url string, meta map[string]string) {
	sha, rel, err := f.docs.Put(data, ext)
	if err != nil {
		f.dbFailed(sr, err)
		return
	}
	f.keep(ctx, sr, body{data: data, sha: sha, blob: rel}, url, meta)
}
