"""Base figures of the units as frames, with status, period and source per figure."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import duckdb
import pandas as pd

from . import db
from .status import ESTIMASI, weakest


def muat_pilihan(kab: str = "") -> tuple["Indikator", list[int]]:
    """For the CLI: the figures of the current database (built if needed) and the units typed in ``kab``.

    Raises db.QueryError naming the valid codes when a code is unknown.
    """
    from . import build, wilayah  # late: build imports this package's readers
    con = db.connect(build.ensure_built())
    try:
        ind = Indikator.load(con)
    finally:
        con.close()
    kode, asing = wilayah.urai_kode(kab, ind.semua_kode)
    if asing:
        raise db.QueryError(wilayah.pesan_tak_dikenal(asing, ind.semua_kode))
    return ind, kode


@dataclass(frozen=True, eq=False)
class Indikator:
    """The rows of queries/indikator_wilayah.sql, with convenient views.

    Immutable: each view is computed once per object and shared, so callers must
    not modify the frames they get.
    """

    long: pd.DataFrame
    provinsi: pd.DataFrame  # rows of queries/total_provinsi.sql
    semua_kode: tuple[int, ...]  # every unit in the database, selected or not
    kuartal: str | None = None  # the quarter chosen (None = latest): pillars and KPM up to it

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection, kode: list[int] | None = None,
             kuartal: str | None = None) -> "Indikator":
        semua = db.run(con, "indikator_wilayah", kode=[], kuartal=kuartal)
        cur = con.cursor()
        try:
            kode_semua = db.kode_wilayah(cur)
        finally:
            cur.close()
        ind = cls(semua, db.run(con, "total_provinsi"), kode_semua, kuartal)
        return ind.pick(kode)

    def pick(self, kode: list[int] | None) -> "Indikator":
        if not kode:
            return self
        long = self.long[self.long["kode_bps"].isin(kode)].reset_index(drop=True)
        return Indikator(long, self.provinsi, self.semua_kode, self.kuartal)

    @property
    def lengkap(self) -> bool:
        """True when every unit of the province is selected."""
        return tuple(self.kode) == self.semua_kode

    @cached_property
    def _status_jumlah(self) -> dict:
        return {}

    def status_jumlah(self, indikator: str) -> str | None:
        """Status of the sum of ``indikator`` over the selection.

        The sum over all units equals a published province total whose status is
        that of the total (an allocation of 385 adds back to the announced 385).
        """
        if indikator not in self._status_jumlah:
            self._status_jumlah[indikator] = self._hitung_status_jumlah(indikator)
        return self._status_jumlah[indikator]

    def _total_sama(self, indikator: str) -> pd.Series | None:
        """The published province total this selection's sum equals, if any (one row of ``provinsi``)."""
        if not self.lengkap:
            return None
        rows = self.long[self.long["indikator"] == indikator]
        tot = self.provinsi[(self.provinsi["indikator"] == indikator)
                            & self.provinsi["periode"].isin(rows["periode"].unique())]
        if len(tot) == 1 and abs(rows["nilai"].sum() - tot["nilai"].iloc[0]) < 1e-9:
            return tot.iloc[0]
        return None

    def _hitung_status_jumlah(self, indikator: str) -> str | None:
        tot = self._total_sama(indikator)
        if tot is not None:
            return tot["status"]
        return weakest(self.long.loc[self.long["indikator"] == indikator, "status"])

    def sumber_total(self, indikator: list[str] | tuple[str, ...]) -> list[str]:
        """Sources of the published totals whose status the selection's sums take (see status_jumlah)."""
        out = []
        for i in indikator:
            tot = self._total_sama(i)
            if tot is not None:
                out.append(tot["sumber_id"])
        return out

    @cached_property
    def kode(self) -> list[int]:
        return sorted(self.long["kode_bps"].unique().tolist())

    @cached_property
    def nama(self) -> pd.Series:
        """Short names (Banjarmasin, Tanah Laut) for charts and tiles."""
        return self.long.drop_duplicates("kode_bps").set_index("kode_bps")["nama_pendek"].sort_index()

    @cached_property
    def nama_lengkap(self) -> pd.Series:
        """Official names (Kota Banjarmasin, Kabupaten Tanah Laut) for text."""
        return self.long.drop_duplicates("kode_bps").set_index("kode_bps")["nama"].sort_index()

    @cached_property
    def _nilai(self) -> pd.DataFrame:
        return self.long.pivot(index="kode_bps", columns="indikator", values="nilai").sort_index().astype(float)

    @cached_property
    def _status(self) -> pd.DataFrame:
        return self.long.pivot(index="kode_bps", columns="indikator", values="status").sort_index()

    @cached_property
    def _periode(self) -> pd.DataFrame:
        return self.long.pivot(index="kode_bps", columns="indikator", values="periode").sort_index()

    def nilai(self) -> pd.DataFrame:
        return self._nilai.copy(deep=False)  # copy-on-write: a caller's change stays its own

    def status(self) -> pd.DataFrame:
        return self._status.copy(deep=False)

    def periode(self) -> pd.DataFrame:
        """The period of each unit's figure (pillars and KPM may differ per unit, see load)."""
        return self._periode.copy(deep=False)

    @cached_property
    def _basis(self) -> pd.DataFrame:
        est = self.long[self.long["status"] == ESTIMASI]
        return est.pivot(index="kode_bps", columns="indikator", values="basis").reindex(self._nilai.index)

    def basis(self) -> pd.DataFrame:
        """For each estimated figure, the figure it was allocated in proportion to (else missing)."""
        return self._basis.copy(deep=False)

    @cached_property
    def _info(self) -> dict[str, dict]:
        out = {}
        for indikator, rows in self.long.groupby("indikator", sort=False):
            out[indikator] = {
                "periode": sorted(rows["periode"].unique().tolist()),
                "sumber": sorted({s for v in rows["sumber_id"] for s in str(v).split(",")}),
                "status": weakest(rows["status"]),
                "catatan": sorted(rows["catatan"].dropna().unique().tolist()),
            }
        return out

    def info(self, indikator: str) -> dict:
        """Period, sources, statuses and notes of one indicator over the selected units."""
        got = self._info.get(indikator, {"periode": [], "sumber": [], "status": None, "catatan": []})
        return {k: list(v) if isinstance(v, list) else v for k, v in got.items()}  # callers may edit
