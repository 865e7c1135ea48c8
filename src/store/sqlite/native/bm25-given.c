/*
** annals_bm25(fts, weight1, ..., weightN, counts): FTS5's bm25() with the number of rows holding each
** phrase given ("n1,n2,...", one count a phrase in the order FTS5 numbers them) instead of counted.
** bm25() walks every phrase's whole doclist once per statement to count its rows (xQueryPhrase),
** 10-25 ms a frequent word at 1 GB; the caller knows most counts already. The arithmetic is that of
** fts5Bm25Function in SQLite's fts5_aux.c, in the same order, so scores are bit for bit the same.
**
** A row's length (its tokens, every column) is most of the rest: xColumnSize looks it up in the
** table's docsize shadow table, ~1 us a row. A connection that has looked up a tenth of the table's
** rows one by one since the last write reads all lengths at once (a scan costs about a tenth of a
** lookup a row: so it never spends more than twice what the better choice in hindsight would
** have) and keeps them until the database changes.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DOCSIZE_TABLE "passages_fts_docsize"

typedef struct RowLengths {
  sqlite3 *db;
  int *aLen;                      /* Tokens of row i, -1 for no row; 0 when not read */
  sqlite3_int64 nLen;
  unsigned int dataVersion;       /* Of the database when the lengths were read or last found stale */
  sqlite3_int64 totalChanges;
  sqlite3_int64 nLookedUp;        /* Rows looked up one by one since */
} RowLengths;

static void forgetLengths(RowLengths *p){
  sqlite3_free(p->aLen);
  p->aLen = 0;
  p->nLen = 0;
}

static void freeRowLengths(void *pArg){
  RowLengths *p = (RowLengths*)pArg;
  forgetLengths(p);
  sqlite3_free(p);
}

/* The sum of the varints of a docsize record: one token count a column. */
static int recordTotal(const unsigned char *a, int n){
  int i = 0, nTotal = 0;
  while( i<n ){
    sqlite3_int64 v = 0;
    int k;
    for(k=0; i<n; k++){
      unsigned char c = a[i++];
      if( k==8 ){ v = (v<<8) | c; break; }
      v = (v<<7) | (c & 0x7f);
      if( (c & 0x80)==0 ) break;
    }
    nTotal += (int)v;
  }
  return nTotal;
}

static void readLengths(RowLengths *p){
  sqlite3_stmt *pStmt = 0;
  sqlite3_int64 nMax = -1;
  if( sqlite3_prepare_v2(p->db, "SELECT max(id) FROM " DOCSIZE_TABLE, -1, &pStmt, 0)==SQLITE_OK
   && sqlite3_step(pStmt)==SQLITE_ROW ){
    nMax = sqlite3_column_int64(pStmt, 0);
  }
  sqlite3_finalize(pStmt);
  if( nMax<0 ) return;
  p->aLen = (int*)sqlite3_malloc64(sizeof(int) * (nMax + 1));
  if( p->aLen==0 ) return;
  memset(p->aLen, 0xff, sizeof(int) * (nMax + 1));
  p->nLen = nMax + 1;
  if( sqlite3_prepare_v2(p->db, "SELECT id, sz FROM " DOCSIZE_TABLE, -1, &pStmt, 0)!=SQLITE_OK ){
    forgetLengths(p);
    return;
  }
  while( sqlite3_step(pStmt)==SQLITE_ROW ){
    sqlite3_int64 iRow = sqlite3_column_int64(pStmt, 0);
    if( iRow>=0 && iRow<p->nLen ){
      p->aLen[iRow] = recordTotal(sqlite3_column_blob(pStmt, 1), sqlite3_column_bytes(pStmt, 1));
    }
  }
  if( sqlite3_finalize(pStmt)!=SQLITE_OK ) forgetLengths(p);
}

/* Once a statement: drops lengths read before a change, reads them when lookups have cost enough. */
static void refreshLengths(RowLengths *p, sqlite3_int64 nRow){
  unsigned int v = 0;
  sqlite3_int64 nChanges = sqlite3_total_changes64(p->db);
  sqlite3_file_control(p->db, "main", SQLITE_FCNTL_DATA_VERSION, &v);
  if( v!=p->dataVersion || nChanges!=p->totalChanges ){
    forgetLengths(p);
    p->dataVersion = v;
    p->totalChanges = nChanges;
    p->nLookedUp = 0;
  }
  if( p->aLen==0 && p->nLookedUp*10>=nRow && nRow>0 ) readLengths(p);
}

static int rowLength(const Fts5ExtensionApi *pApi, Fts5Context *pFts, RowLengths *p, int *pnTok){
  sqlite3_int64 iRow = pApi->xRowid(pFts);
  if( p->aLen && iRow>=0 && iRow<p->nLen && p->aLen[iRow]>=0 ){
    *pnTok = p->aLen[iRow];
    return SQLITE_OK;
  }
  p->nLookedUp++;
  return pApi->xColumnSize(pFts, -1, pnTok);
}

typedef struct Bm25Data {
  int nPhrase;
  double avgdl;
  double *aIDF;
  double *aFreq;
} Bm25Data;

static int parseCounts(const char *z, int nPhrase, sqlite3_int64 *aHit){
  int i;
  for(i=0; i<nPhrase; i++){
    char *zEnd;
    if( z==0 || *z<'0' || *z>'9' ) return SQLITE_ERROR;
    aHit[i] = strtoll(z, &zEnd, 10);
    z = zEnd;
    if( i<nPhrase-1 ){
      if( *z!=',' ) return SQLITE_ERROR;
      z++;
    }
  }
  return (z && *z==0) ? SQLITE_OK : SQLITE_ERROR;
}

static int bm25Data(const Fts5ExtensionApi *pApi, Fts5Context *pFts, const char *zCounts, Bm25Data **ppData){
  Bm25Data *p = (Bm25Data*)pApi->xGetAuxdata(pFts, 0);
  if( p==0 ){
    int nPhrase = pApi->xPhraseCount(pFts);
    sqlite3_int64 nRow = 0, nToken = 0;
    sqlite3_int64 *aHit;
    int i, rc;
    p = (Bm25Data*)sqlite3_malloc64(sizeof(Bm25Data) + (sizeof(double)*2 + sizeof(sqlite3_int64))*nPhrase);
    if( p==0 ) return SQLITE_NOMEM;
    p->nPhrase = nPhrase;
    p->aIDF = (double*)&p[1];
    p->aFreq = &p->aIDF[nPhrase];
    aHit = (sqlite3_int64*)&p->aFreq[nPhrase];
    rc = pApi->xRowCount(pFts, &nRow);
    if( rc==SQLITE_OK ) rc = pApi->xColumnTotalSize(pFts, -1, &nToken);
    if( rc==SQLITE_OK ){
      p->avgdl = (double)nToken / (double)nRow;
      rc = parseCounts(zCounts, nPhrase, aHit);
    }
    if( rc==SQLITE_OK ) refreshLengths((RowLengths*)pApi->xUserData(pFts), nRow);
    for(i=0; rc==SQLITE_OK && i<nPhrase; i++){
      double idf = log( (nRow - aHit[i] + 0.5) / (aHit[i] + 0.5) );
      if( idf<=0.0 ) idf = 1e-6;
      p->aIDF[i] = idf;
    }
    if( rc==SQLITE_OK ) rc = pApi->xSetAuxdata(pFts, p, sqlite3_free);
    else sqlite3_free(p);
    if( rc!=SQLITE_OK ) return rc;
  }
  *ppData = p;
  return SQLITE_OK;
}

static void bm25Given(
  const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx, int nVal, sqlite3_value **apVal
){
  const double k1 = 1.2;
  const double b = 0.75;
  double score = 0.0;
  double D = 0.0;
  Bm25Data *pData;
  int i, rc, nWeight = nVal - 1;
  if( nVal<1 ){
    sqlite3_result_error(pCtx, "annals_bm25: the last argument must be the phrase counts", -1);
    return;
  }
  rc = bm25Data(pApi, pFts, (const char*)sqlite3_value_text(apVal[nVal-1]), &pData);
  if( rc==SQLITE_ERROR ){
    sqlite3_result_error(pCtx, "annals_bm25: the counts must be one a phrase, separated by commas", -1);
    return;
  }
  /* Each phrase's instances in turn (xPhraseFirst), not all phrases' merged in order (xInst): the
  ** same sums, added in the same order per phrase, without sorting the instances of the row. */
  for(i=0; rc==SQLITE_OK && i<pData->nPhrase; i++){
    Fts5PhraseIter iter;
    int ic, io;
    pData->aFreq[i] = 0.0;
    rc = pApi->xPhraseFirst(pFts, i, &iter, &ic, &io);
    while( rc==SQLITE_OK && ic>=0 ){
      pData->aFreq[i] += (nWeight > ic) ? sqlite3_value_double(apVal[ic]) : 1.0;
      pApi->xPhraseNext(pFts, &iter, &ic, &io);
    }
  }
  if( rc==SQLITE_OK ){
    int nTok = 0;
    rc = rowLength(pApi, pFts, (RowLengths*)pApi->xUserData(pFts), &nTok);
    D = (double)nTok;
  }
  if( rc==SQLITE_OK ){
    for(i=0; i<pData->nPhrase; i++){
      score += pData->aIDF[i] * (
          ( pData->aFreq[i] * (k1 + 1.0) ) /
          ( pData->aFreq[i] + k1 * (1 - b + b * D / pData->avgdl) )
      );
    }
    sqlite3_result_double(pCtx, -1.0 * score);
  }else{
    sqlite3_result_error_code(pCtx, rc);
  }
}

static fts5_api *fts5Api(sqlite3 *db){
  fts5_api *pRet = 0;
  sqlite3_stmt *pStmt = 0;
  if( sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, 0)==SQLITE_OK ){
    sqlite3_bind_pointer(pStmt, 1, (void*)&pRet, "fts5_api_ptr", 0);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  return pRet;
}

/* top-k.c */
int annalsTopKRegister(sqlite3 *db);

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_bm25given_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi){
  fts5_api *fts;
  RowLengths *pLengths;
  int rc;
  SQLITE_EXTENSION_INIT2(pApi);
  fts = fts5Api(db);
  if( fts==0 ){
    *pzErrMsg = sqlite3_mprintf("annals_bm25: this SQLite has no FTS5");
    return SQLITE_ERROR;
  }
  pLengths = (RowLengths*)sqlite3_malloc(sizeof(RowLengths));
  if( pLengths==0 ) return SQLITE_NOMEM;
  memset(pLengths, 0, sizeof(RowLengths));
  pLengths->db = db;
  rc = fts->xCreateFunction(fts, "annals_bm25", (void*)pLengths, bm25Given, freeRowLengths);
  return rc==SQLITE_OK ? annalsTopKRegister(db) : rc;
}
