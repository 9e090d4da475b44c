namespace Corpus.Search.Tests;

internal static partial class PatternOracle
{
    /// <summary>
    /// Traditional → Simplified for the Traditional characters of the real-text fixtures, taken from the Unicode
    /// Unihan database's kSimplifiedVariant (single mappings only), not from ICU, which the product uses; with
    /// <see cref="Oracle.TraditionalToSimplified"/> over it.
    /// </summary>
    private static readonly Dictionary<char, char> Unihan = Pairs(
        "並并 亂乱 來来 個个 們们 備备 傳传 僅仅 儘尽 內内 兩两 冊册 別别 刪删 則则 動动 務务 勢势 匯汇 區区 協协 參参 員员 問问 啟启 單单 嘗尝 圍围 圖图 執执 堅坚 報报 場场 塊块 夠够 學学 實实 寫写 將将 對对 " +
        "導导 層层 帳帐 帶带 幫帮 幾几 庫库 廣广 張张 強强 後后 徑径 從从 慣惯 慮虑 應应 戶户 掛挂 換换 擇择 擊击 擬拟 數数 於于 時时 暫暂 書书 會会 條条 業业 構构 標标 樣样 樹树 機机 檔档 檢检 檯台 權权 決决 " +
        "沒没 況况 測测 準准 滾滚 濾滤 為为 無无 牆墙 獲获 現现 瑣琐 環环 產产 當当 發发 盤盘 確确 碼码 礎础 種种 稱称 穩稳 節节 範范 簡简 純纯 級级 細细 終终 組组 結结 給给 統统 維维 網网 緊紧 編编 緩缓 縮缩 " +
        "總总 義义 習习 聰聪 腦脑 臺台 與与 蓋盖 薦荐 處处 虛虚 號号 螢萤 蠻蛮 術术 衝冲 裝装 製制 複复 見见 規规 視视 計计 訊讯 記记 訪访 設设 許许 試试 話话 該该 詳详 認认 語语 說说 課课 調调 請请 論论 講讲 " +
        "謹谨 證证 識识 譯译 議议 護护 讀读 變变 讓让 豐丰 費费 貼贴 資资 質质 踐践 軟软 較较 載载 輔辅 輪轮 輯辑 輸输 轉转 迴回 這这 連连 進进 運运 過过 遞递 遠远 適适 選选 還还 邊边 郵邮 針针 鈕钮 錄录 錯错 " +
        "鍵键 鎖锁 鐘钟 鑰钥 門门 閉闭 間间 閱阅 關关 階阶 際际 險险 雖虽 雜杂 電电 響响 頁页 項项 須须 預预 頭头 題题 額额 顏颜 類类 顧顾 顯显 風风 驟骤 體体 點点");

    private static readonly Dictionary<char, char> TraditionalToSimplified =
        Unihan.Concat(Oracle.TraditionalToSimplified).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    private static Dictionary<char, char> Pairs(string list) =>
        list.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToDictionary(p => p[0], p => p[1]);
}
