/*
** annals_top_k(rank, rowid, k): an aggregate keeping the k rows of least (rank, rowid), what
** "ORDER BY rank, rowid LIMIT k" returns, and counting every row it saw. One walk of a query's
** matches then gives both its best k and its match count, where a sorter and a count(*) took two.
** Result: a blob of little-endian 8-byte words, the count first, then k' pairs (rank as an IEEE
** double, rowid as a signed integer), best first; k' = min(k, count).
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#include <stdlib.h>
#include <string.h>

typedef struct Entry {
  double rank;
  sqlite3_int64 rowid;
} Entry;

typedef struct TopK {
  sqlite3_int64 nSeen;
  int k;
  int n;
  Entry *a;                       /* A max-heap on (rank, rowid): the worst kept row at a[0] */
} TopK;

static int worse(const Entry *x, const Entry *y){
  return x->rank > y->rank || (x->rank == y->rank && x->rowid > y->rowid);
}

static void siftDown(Entry *a, int n, int i){
  for(;;){
    int l = 2*i + 1, r = l + 1, m = i;
    Entry t;
    if( l<n && worse(&a[l], &a[m]) ) m = l;
    if( r<n && worse(&a[r], &a[m]) ) m = r;
    if( m==i ) return;
    t = a[i]; a[i] = a[m]; a[m] = t;
    i = m;
  }
}

static void siftUp(Entry *a, int i){
  while( i>0 ){
    int p = (i - 1) / 2;
    Entry t;
    if( !worse(&a[i], &a[p]) ) return;
    t = a[i]; a[i] = a[p]; a[p] = t;
    i = p;
  }
}

static void topKStep(sqlite3_context *pCtx, int nVal, sqlite3_value **apVal){
  TopK *p = (TopK*)sqlite3_aggregate_context(pCtx, sizeof(TopK));
  Entry e;
  (void)nVal;
  if( p==0 ){ sqlite3_result_error_nomem(pCtx); return; }
  if( p->a==0 ){
    int k = sqlite3_value_int(apVal[2]);
    if( k<1 ){ sqlite3_result_error(pCtx, "annals_top_k: k must be at least 1", -1); return; }
    p->a = (Entry*)sqlite3_malloc64(sizeof(Entry) * (sqlite3_uint64)k);
    if( p->a==0 ){ sqlite3_result_error_nomem(pCtx); return; }
    p->k = k;
  }
  e.rank = sqlite3_value_double(apVal[0]);
  e.rowid = sqlite3_value_int64(apVal[1]);
  p->nSeen++;
  if( p->n < p->k ){
    p->a[p->n] = e;
    siftUp(p->a, p->n++);
  }else if( worse(&p->a[0], &e) ){
    p->a[0] = e;
    siftDown(p->a, p->n, 0);
  }
}

static void putWord(unsigned char *out, sqlite3_uint64 v){
  int i;
  for(i=0; i<8; i++){ out[i] = (unsigned char)(v & 0xff); v >>= 8; }
}

static void topKFinal(sqlite3_context *pCtx){
  TopK *p = (TopK*)sqlite3_aggregate_context(pCtx, 0);
  sqlite3_int64 nSeen = p ? p->nSeen : 0;
  int n = p ? p->n : 0;
  unsigned char *out = (unsigned char*)sqlite3_malloc64(8 + 16 * (sqlite3_uint64)n);
  int i;
  if( out==0 ){ sqlite3_result_error_nomem(pCtx); goto done; }
  putWord(out, (sqlite3_uint64)nSeen);
  /* Heap sort in place: each pass moves the worst left to the end, so the array ends best first. */
  for(i=n-1; i>0; i--){
    Entry t = p->a[0]; p->a[0] = p->a[i]; p->a[i] = t;
    siftDown(p->a, i, 0);
  }
  for(i=0; i<n; i++){
    sqlite3_uint64 bits;
    memcpy(&bits, &p->a[i].rank, 8);
    putWord(out + 8 + 16*i, bits);
    putWord(out + 16 + 16*i, (sqlite3_uint64)p->a[i].rowid);
  }
  sqlite3_result_blob64(pCtx, out, 8 + 16 * (sqlite3_uint64)n, sqlite3_free);
done:
  if( p ) sqlite3_free(p->a);
}

int annalsTopKRegister(sqlite3 *db){
  return sqlite3_create_function(db, "annals_top_k", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC, 0, 0, topKStep, topKFinal);
}
