import DVKCore
import Foundation
import ZIPFoundation

/// The parts around `word/document.xml` and the ZIP that holds them.
enum DocxPackage {
    static let headerID = "rIdHeader1"
    static let footerID = "rIdFooter1"
    static let xmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    /// Every entry carries the same date, so the same report gives the same bytes.
    static let entryDate = Date(timeIntervalSince1970: 1_577_880_000) // 2020-01-01

    /// Part name → content, in the order they go into the ZIP.
    static func parts(_ doc: ReportDocument) -> [(String, String)] {
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(demo: doc.isDemo)),
            ("_rels/.rels", packageRelationships),
            ("word/document.xml", DocxBody.xml(doc)),
            ("word/styles.xml", styles),
            ("word/settings.xml", settings),
            ("word/_rels/document.xml.rels", documentRelationships(demo: doc.isDemo)),
            ("word/footer1.xml", DocxBody.footerXML()),
        ]
        if doc.isDemo { parts.append(("word/header1.xml", DocxBody.headerXML())) }
        parts.append(("docProps/core.xml", core(title: doc.subject)))
        parts.append(("docProps/app.xml", app))
        return parts
    }

    static func zip(_ parts: [(String, String)]) throws -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: entryDate, permissions: 0o600,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position) ..< Int(position) + size)
                }
            }
            guard let data = archive.data else { throw DocumentError.archiveFailed("no data") }
            return data
        } catch let error as DocumentError {
            throw error
        } catch {
            throw DocumentError.archiveFailed(String(describing: error))
        }
    }

    static func contentTypes(demo: Bool) -> String {
        let main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        var x = xmlHead + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        x += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        x += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        x += "<Override PartName=\"/word/document.xml\" ContentType=\"\(main).document.main+xml\"/>"
        x += "<Override PartName=\"/word/styles.xml\" ContentType=\"\(main).styles+xml\"/>"
        x += "<Override PartName=\"/word/settings.xml\" ContentType=\"\(main).settings+xml\"/>"
        x += "<Override PartName=\"/word/footer1.xml\" ContentType=\"\(main).footer+xml\"/>"
        if demo { x += "<Override PartName=\"/word/header1.xml\" ContentType=\"\(main).header+xml\"/>" }
        x += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        x += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        return x + "</Types>"
    }

    static let relationshipNS = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let packageRelationships = xmlHead + "<Relationships xmlns=\"\(relationshipNS)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(officeRel)/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(officeRel)/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>"

    static func documentRelationships(demo: Bool) -> String {
        var x = xmlHead + "<Relationships xmlns=\"\(relationshipNS)\">"
        x += "<Relationship Id=\"rIdStyles\" Type=\"\(officeRel)/styles\" Target=\"styles.xml\"/>"
        x += "<Relationship Id=\"rIdSettings\" Type=\"\(officeRel)/settings\" Target=\"settings.xml\"/>"
        x += "<Relationship Id=\"\(footerID)\" Type=\"\(officeRel)/footer\" Target=\"footer1.xml\"/>"
        if demo { x += "<Relationship Id=\"\(headerID)\" Type=\"\(officeRel)/header\" Target=\"header1.xml\"/>" }
        return x + "</Relationships>"
    }

    /// Times New Roman 14 pt everywhere; named styles so an edit in Word
    /// keeps the report's look.
    static var styles: String {
        let f = WordML.font
        let fonts = "<w:rFonts w:ascii=\"\(f)\" w:hAnsi=\"\(f)\" w:cs=\"\(f)\" w:eastAsia=\"\(f)\"/>"
        let size = "<w:sz w:val=\"\(Page.bodySize)\"/><w:szCs w:val=\"\(Page.bodySize)\"/>"
        let bodySpacing = "<w:spacing w:before=\"\(Page.gap)\" w:after=\"\(Page.gap)\" w:line=\"\(Page.bodyLine)\" w:lineRule=\"auto\"/>"
        var x = xmlHead + "<w:styles xmlns:w=\"\(WordML.wNamespace)\">"
        x += "<w:docDefaults><w:rPrDefault><w:rPr>\(fonts)\(size)<w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
        x += "<w:pPrDefault><w:pPr>\(bodySpacing)</w:pPr></w:pPrDefault></w:docDefaults>"
        x += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
        x += "<w:pPr>\(bodySpacing)<w:ind w:firstLine=\"\(Page.indent)\"/><w:jc w:val=\"both\"/></w:pPr>"
        x += "<w:rPr>\(fonts)\(size)</w:rPr></w:style>"
        x += "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"DVKHeading\"><w:name w:val=\"DVK Heading\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
        x += "<w:pPr><w:keepNext/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"
        x += "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"DVKSubheading\"><w:name w:val=\"DVK Subheading\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
        x += "<w:pPr><w:keepNext/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"
        x += "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"DVKNote\"><w:name w:val=\"DVK Note\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>"
        x += "<w:rPr><w:i/><w:iCs/></w:rPr></w:style>"
        x += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>"
        x += "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        x += "<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"DVKTable\"><w:name w:val=\"DVK Table\"/><w:basedOn w:val=\"TableNormal\"/>"
        x += "<w:pPr><w:spacing w:before=\"40\" w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/></w:pPr>"
        x += "<w:rPr><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr>"
        x += "<w:tblPr>\(WordML.Borders.single.xml)</w:tblPr></w:style>"
        return x + "</w:styles>"
    }

    static let settings = xmlHead + "<w:settings xmlns:w=\"\(WordML.wNamespace)\">"
        + "<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
        + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
        + "<w:themeFontLang w:val=\"vi-VN\"/></w:settings>"

    static func core(title: String) -> String {
        xmlHead + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(XMLText.escape(title))</dc:title><dc:creator>dvk</dc:creator>"
            + "<cp:lastModifiedBy>dvk</cp:lastModifiedBy><dc:language>vi-VN</dc:language>"
            + "</cp:coreProperties>"
    }

    static let app = xmlHead + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        + "<Application>dvk</Application><DocSecurity>0</DocSecurity></Properties>"
}
