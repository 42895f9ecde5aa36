"""The five seed documents' items, transcribed from the documents themselves (/work/shared/seeds/*.txt,
see its README), not from plans/seed_data: each string is a line or a sentence of the document, its
markdown emphasis (*…*, **…**) dropped, lines broken by a page joined with one space, list items without
their leading dash where the portal holds them as separate rows (targets, objectives, support lines) and
with it where it holds them as written lines (responsibilities). The only other change: the Hải Dương
article's OCR glues three words ("nhântố", "kinh tếcủa tỉnhgiai"); they are written apart here as in the
seed's notes. ``test_seed_transcripts`` compares the portal's data with these after normalising whitespace."""

TRANSCRIPTS = {
    "hoa-binh": {
        "signature": (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Đinh Công Sứ"),
        "legal_basis": [
            "Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ phê duyệt "
            "Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm "
            "hàng hóa giai đoạn 2021-2030 (sau đây viết tắt là Chương trình 1322);"
        ],
        "objectives": [
            "Hỗ trợ doanh nghiệp, hợp tác xã, tổ chức khoa học và công nghệ (sau đây gọi chung là "
            "doanh nghiệp) trên địa bàn tỉnh Hòa Bình nâng cao năng suất và chất lượng sản phẩm, "
            "hàng hóa (sau đây gọi chung là năng suất, chất lượng) trên cơ sở áp dụng các giải pháp "
            "về tiêu chuẩn, quy chuẩn kỹ thuật, hệ thống quản lý, công cụ cải tiến năng suất chất "
            "lượng, góp phần nâng tỷ trọng đóng góp của các nhân tố tổng hợp (TFP) vào tăng trưởng "
            "kinh tế, nâng cao năng suất, chất lượng, hiệu quả và sức cạnh tranh của sản phẩm, hàng "
            "hóa."
        ],
        "targets": [
            (
                "2021-2025",
                "Đào tạo ít nhất 02 chuyên gia năng suất chất lượng được đánh giá chứng nhận đạt tiêu chuẩn;",
            ),
            (
                "2021-2025",
                "Số doanh nghiệp được hướng dẫn, hỗ trợ áp dụng các giải pháp về tiêu chuẩn, quy chuẩn kỹ "
                "thuật, hệ thống quản lý, công cụ cải tiến năng suất chất lượng hàng năm tăng từ 3-5%;",
            ),
            (
                "2021-2025",
                "Có ít nhất 02 doanh nghiệp tham gia thực hiện các nhiệm vụ khoa học và công nghệ về cải "
                "tiến nâng cao năng suất, chất lượng sản phẩm, hàng hóa và thúc đẩy các hoạt động nghiên "
                "cứu, ứng dụng khoa học, công nghệ và đổi mới sáng tạo nâng cao năng suất chất lượng sản "
                "phẩm, hàng hóa;",
            ),
            (
                "2021-2025",
                "Hỗ trợ 01 tổ chức khoa học và công nghệ được cấp giấy chứng nhận đủ điều kiện hoạt động "
                "dịch vụ quan trắc môi trường.",
            ),
        ],
        "responsibilities": [
            (
                "IV.1",
                "Sở Khoa học và Công nghệ",
                [
                    "- Là cơ quan đầu mối chủ trì tổ chức triển khai thực hiện Kế hoạch; Chi cục "
                    "Tiêu chuẩn Đo lường Chất lượng thuộc Sở Khoa học và Công nghệ tham mưu tổ chức "
                    "thực hiện các nhiệm vụ cụ thể của Kế hoạch;",
                    "- Tổng hợp báo cáo định kỳ hàng năm, 05 năm hoặc đột xuất theo yêu cầu về hoạt "
                    "động nâng cao năng suất, chất lượng sản phẩm, hàng hóa; Tổ chức sơ kết Kế "
                    "hoạch vào năm 2025; Xây dựng Kế hoạch giai đoạn 2026 -2030 và tổng kết đánh "
                    "giá Kế hoạch vào năm 2030.",
                ],
            ),
            (
                "IV.2",
                "Các Sở, Ban, ngành; Ủy ban nhân dân các huyện, thành phố",
                [
                    "- Phối hợp với Sở Khoa học và Công nghệ và các cơ quan, đơn vị liên quan thực "
                    "hiện các nội dung của Kế hoạch này theo chức năng, nhiệm vụ, phạm vi quản lý "
                    "được giao;",
                    "- Thực hiện báo cáo định kỳ hàng năm, 05 năm hoặc đột xuất theo yêu cầu về "
                    "hoạt động nâng cao năng suất, chất lượng sản phẩm, hàng hóa.",
                ],
            ),
            (
                "IV.3",
                "Đề nghị Hiệp hội doanh nghiệp tỉnh, Liên minh Hợp tác xã tỉnh",
                [
                    "- Chủ trì vận động, giới thiệu doanh nghiệp tham gia các hoạt động tuyên "
                    "truyền, phổ biến kiến thức về năng suất, chất lượng;",
                    "- Tham gia xét chọn khen thưởng tập thể, cá nhân có thành tích trong hoạt động "
                    "thúc đẩy nâng cao năng suất, chất lượng sản phẩm, hàng hóa.",
                ],
            ),
            (
                "IV",
                "",
                [
                    "Căn cứ nội dung Kế hoạch này, yêu cầu Giám đốc các Sở, Thủ trưởng các cơ quan, "
                    "đơn vị, tổ chức liên quan, Chủ tịch Ủy ban nhân dân các huyện, thành phố tổ "
                    "chức, triển khai thực hiện. Trong quá trình thực hiện Kế hoạch, nếu có vướng "
                    "mắc, phản ánh về Sở Khoa học và Công nghệ để tổng hợp, báo cáo Ủy ban nhân dân "
                    "tỉnh xem xét, giải quyết./."
                ],
            ),
        ],
    },
    "bac-lieu": {
        "signature": ([], "Phan Thanh Duy"),
        "legal_basis": [
            "Căn cứ Quyết định số 1322/QĐ-TTg ngày 31 tháng 8 năm 2020 của Thủ tướng Chính phủ phê "
            "duyệt Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản "
            "phẩm, hàng hóa giai đoạn 2021 - 2030;",
            "Căn cứ Quyết định số 36/QĐ-TTg ngày 11 tháng 01 năm 2021 của Thủ tướng Chính phủ ban "
            "hành Kế hoạch tổng thể nâng cao năng suất dựa trên nền tảng khoa học, công nghệ và "
            "đổi mới sáng tạo giai đoạn 2021 - 2030;",
            "Căn cứ Thông tư số 35/2021/TT-BTC ngày 19 tháng 5 năm 2021 của Bộ trưởng Bộ Tài chính "
            "quy định cơ chế quản lý tài chính thực hiện Chương trình quốc gia hỗ trợ doanh nghiệp "
            "nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021 - 2030;",
        ],
        "objectives": [
            "Đưa năng suất trở thành động lực phát triển quan trọng trong các ngành, lĩnh vực, "
            "thông qua việc ứng dụng các thành tựu mới của khoa học, công nghệ, áp dụng các hệ "
            "thống quản lý, công cụ cải tiến năng suất tiên tiến, kết hợp với nghiên cứu, đào tạo, "
            "bồi dưỡng nguồn nhân lực, phù hợp xu thế của cuộc Cách mạng Công nghiệp lần thứ tư.",
            "Triển khai các nhiệm vụ khoa học và công nghệ các cấp, hỗ trợ các doanh nghiệp nâng "
            "cao năng suất và chất lượng trên cơ sở áp dụng các giải pháp về tiêu chuẩn, quy chuẩn "
            "kỹ thuật, hệ thống quản lý chất lượng, công cụ cải tiến năng suất và dựa trên nền tảng "
            "khoa học, công nghệ và đổi mới sáng tạo, góp phần nâng tỷ trọng đóng góp của năng suất "
            "các nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế, góp phần nâng cao năng suất và "
            "chất lượng, hiệu quả và sức cạnh tranh của nền kinh tế tỉnh.",
        ],
        "targets": [
            (
                "2021-2025",
                "Đào tạo được ít nhất 10 chuyên gia năng suất và chất lượng là cán bộ của các Sở, Ngành, "
                "doanh nghiệp được đánh giá chứng nhận đạt tiêu chuẩn;",
            ),
            (
                "2021-2025",
                "Trên 250 lượt cán bộ lãnh đạo, quản lý năng suất và chất lượng của các Sở, Ngành, doanh "
                "nghiệp, giảng viên các trường đại học, cao đẳng, cơ sở giáo dục nghề nghiệp được đào tạo "
                "chuyên sâu các kiến thức về năng suất và chất lượng nhằm tạo nguồn nhân lực hỗ trợ doanh "
                "nghiệp nâng cao năng suất và chất lượng gắn với những đòi hỏi mới của cuộc Cách mạng "
                "Công nghiệp lần thứ tư.",
            ),
            (
                "2021-2025",
                "Hỗ trợ ít nhất 02 doanh nghiệp/năm áp dụng các giải pháp về tiêu chuẩn, quy chuẩn kỹ "
                "thuật, truy xuất nguồn gốc, hệ thống quản lý, công cụ cải tiến nhằm nâng cao năng suất "
                "và chất lượng sản phẩm, hàng hóa, tăng khả năng cạnh tranh; góp phần nâng cao tỷ trọng "
                "đóng góp của năng suất các nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế của tỉnh trong "
                "điều kiện hội nhập kinh tế. Chú trọng hỗ trợ các doanh nghiệp vừa và nhỏ, hợp tác xã "
                "nhằm phát triển các sản phẩm chủ lực, sản phẩm đặc thù, sản phẩm OCOP tại địa phương; áp "
                "dụng các giải pháp mới, hệ thống quản lý tiên tiến, công cụ cải tiến năng suất và chất "
                "lượng; hỗ trợ đăng ký bảo hộ các sáng chế/giải pháp hữu ích, kiểu dáng công nghiệp; hỗ "
                "trợ khai thác, phát triển và thương mại hóa các sáng chế/giải pháp hữu ích, kiểu dáng "
                "công nghiệp.",
            ),
            (
                "2021-2025",
                "Vận động, hỗ trợ ít nhất 05 doanh nghiệp tham gia và đạt Giải thưởng chất lượng quốc "
                "gia, trong đó có ít nhất 01 doanh nghiệp đạt Giải Vàng chất lượng quốc gia.",
            ),
            (
                "2021-2025",
                "Vận động, hỗ trợ ít nhất 05 doanh nghiệp tham gia và đạt Giải thưởng chất lượng quốc "
                "gia, trong đó có ít nhất 01 doanh nghiệp đạt Giải Vàng chất lượng quốc gia.",
            ),
            (
                "2021-2025",
                "Hỗ trợ, tăng cường năng lực cho Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Bạc "
                "Liêu hình thành 01 tổ chức đánh giá sự phù hợp để phục vụ cho việc đánh giá sự phù hợp "
                "với tiêu chuẩn, quy chuẩn kỹ thuật của các sản phẩm, hàng hóa chủ lực của tỉnh.",
            ),
            (
                "2021-2025",
                "Góp phần đạt mục tiêu tăng năng suất lao động bình quân trên 7%/năm và mục tiêu đóng góp "
                "của khoa học và công nghệ thông qua TFP, đóng góp khoảng 30% vào tăng trưởng kinh tế của "
                "tỉnh.",
            ),
            (
                "2021-2025",
                "Góp phần đạt mục tiêu tăng năng suất lao động bình quân trên 7%/năm và mục tiêu đóng góp "
                "của khoa học và công nghệ thông qua TFP, đóng góp khoảng 30% vào tăng trưởng kinh tế của "
                "tỉnh.",
            ),
            (
                "2026-2030",
                "Đào tạo được ít nhất 10 chuyên gia năng suất và chất lượng là cán bộ của các Sở, Ngành, "
                "doanh nghiệp được đánh giá chứng nhận đạt tiêu chuẩn;",
            ),
            (
                "2026-2030",
                "Trên 250 lượt cán bộ lãnh đạo, quản lý năng suất và chất lượng của các Sở, Ngành, doanh "
                "nghiệp, giảng viên các trường đại học, cao đẳng, cơ sở giáo dục nghề nghiệp được đào tạo "
                "chuyên sâu các kiến thức về năng suất và chất lượng nhằm tạo nguồn nhân lực hỗ trợ doanh "
                "nghiệp nâng cao năng suất và chất lượng gắn với những đòi hỏi mới của cuộc Cách mạng "
                "Công nghiệp lần thứ tư.",
            ),
            (
                "2026-2030",
                "Hỗ trợ ít nhất 03 doanh nghiệp/năm áp dụng các giải pháp về tiêu chuẩn, quy chuẩn kỹ "
                "thuật, truy xuất nguồn gốc, hệ thống quản lý, công cụ cải tiến nhằm nâng cao năng suất "
                "và chất lượng sản phẩm, hàng hóa, tăng khả năng cạnh tranh; góp phần nâng cao tỷ trọng "
                "đóng góp của năng suất các nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế của tỉnh trong "
                "điều kiện hội nhập kinh tế. Chú trọng hỗ trợ các doanh nghiệp vừa và nhỏ, hợp tác xã "
                "nhằm phát triển các sản phẩm chủ lực, sản phẩm đặc thù, sản phẩm OCOP tại địa phương; áp "
                "dụng các giải pháp mới, hệ thống quản lý tiên tiến, công cụ cải tiến năng suất và chất "
                "lượng; hỗ trợ đăng ký bảo hộ các sáng chế/giải pháp hữu ích, kiểu dáng công nghiệp; hỗ "
                "trợ khai thác, phát triển và thương mại hóa các sáng chế/giải pháp hữu ích, kiểu dáng "
                "công nghiệp.",
            ),
            (
                "2026-2030",
                "Vận động, hỗ trợ ít nhất 05 doanh nghiệp tham gia và đạt Giải thưởng chất lượng quốc "
                "gia, trong đó có ít nhất 01 doanh nghiệp đạt Giải Vàng chất lượng quốc gia.",
            ),
            (
                "2026-2030",
                "Vận động, hỗ trợ ít nhất 05 doanh nghiệp tham gia và đạt Giải thưởng chất lượng quốc "
                "gia, trong đó có ít nhất 01 doanh nghiệp đạt Giải Vàng chất lượng quốc gia.",
            ),
            (
                "2026-2030",
                "Tiếp tục tăng cường năng lực cho các tổ chức đánh giá sự phù hợp đạt chuẩn quốc gia từng "
                "bước đạt chuẩn quốc tế, đáp ứng yêu cầu đánh giá sự phù hợp với tiêu chuẩn, quy chuẩn kỹ "
                "thuật của các sản phẩm, hàng hóa xuất khẩu chủ lực, sản phẩm OCOP của địa phương.",
            ),
            (
                "2026-2030",
                "Góp phần đạt mục tiêu tăng năng suất lao động bình quân trên 7,5%/năm và mục tiêu đóng "
                "góp của khoa học và công nghệ thông qua TFP, đóng góp khoảng 35% vào tăng trưởng kinh tế "
                "của tỉnh.",
            ),
            (
                "2026-2030",
                "Góp phần đạt mục tiêu tăng năng suất lao động bình quân trên 7,5%/năm và mục tiêu đóng "
                "góp của khoa học và công nghệ thông qua TFP, đóng góp khoảng 35% vào tăng trưởng kinh tế "
                "của tỉnh.",
            ),
        ],
        "responsibilities": [
            (
                "V.1",
                "Sở Giáo dục, Khoa học và Công nghệ chịu trách nhiệm",
                [
                    "Là cơ quan đầu mối, tham mưu giúp Ủy ban nhân dân tỉnh quản lý và triển khai "
                    "Kế hoạch, có trách nhiệm chủ trì, phối hợp với các cơ quan liên quan thực hiện "
                    "một số nhiệm vụ sau:",
                    "- Phối hợp với các cơ quan thông tin đại chúng của tỉnh, các Sở, Ngành, đơn vị "
                    "chức năng có liên quan và Ủy ban nhân dân các huyện, thị xã, thành phố thông "
                    "tin tuyên truyền và vận động doanh nghiệp tham gia Kế hoạch.",
                    "- Phối hợp với các các Sở, Ngành có liên quan tổ chức tuyển chọn, hoặc giao "
                    "trực tiếp tổ chức chủ trì thực hiện các nhiệm vụ chủ yếu thuộc Kế hoạch theo "
                    "qui định và hướng dẫn của Bộ Khoa học và Công nghệ.",
                    "- Tổ chức các khóa đào tạo, tập huấn kiến thức về năng suất và chất lượng sản "
                    "phẩm, hàng hoá cho các doanh nghiệp trên địa bàn tỉnh.",
                    "- Thống kê, tổng hợp nhu cầu đào tạo, hỗ trợ doanh nghiệp; lập kế hoạch sử "
                    "dụng kinh phí trình Ủy ban nhân dân tỉnh (qua Sở Tài chính) phê duyệt hằng năm "
                    "theo quy định.",
                    "- Hằng năm, căn cứ vào nội dung Kế hoạch được phê duyệt, Sở Giáo dục, Khoa học "
                    "và Công nghệ có trách nhiệm tổng hợp dự toán kinh phí của các đơn vị gửi Sở "
                    "Tài chính thẩm định, trình Ủy ban nhân dân tỉnh bố trí trong dự toán ngân sách "
                    "Nhà nước theo quy định.",
                    "- Nghiên cứu áp dụng, đề xuất chính sách hỗ trợ tổ chức, cá nhân thực hiện áp "
                    "dụng tiêu chuẩn, quy chuẩn kỹ thuật, hệ thống quản lý, công cụ cải tiến năng "
                    "suất và chất lượng, công cụ hỗ trợ cho sản xuất thông minh, dịch vụ thông minh "
                    "và một số nội dung khác có liên quan phù hợp với tình hình thực tiễn của địa "
                    "phương, phù hợp với quy định của pháp luật.",
                    "- Phối hợp Sở Nội vụ tổ chức khen thưởng tập thể, cá nhân có thành tích trong "
                    "hoạt động thúc đẩy nâng cao năng suất và chất lượng.",
                    "- Tổ chức sơ kết giai đoạn 2021 - 2025, tổng kết vào năm 2030 hoặc đột xuất khi có yêu cầu.",
                    "- Định kỳ trước ngày 30 tháng 11 hằng năm hoặc đột xuất khi có yêu cầu, tổng "
                    "hợp, báo cáo Ủy ban nhân dân tỉnh, Bộ Khoa học và Công nghệ kết quả triển khai "
                    "thực hiện Kế hoạch trên địa bàn tỉnh.",
                ],
            ),
            (
                "V.2",
                "Sở Kế hoạch và Đầu tư chịu trách nhiệm",
                [
                    "Chủ trì, phối hợp Sở Giáo dục, Khoa học và Công nghệ, Sở Tài chính tham mưu "
                    "cân đối nguồn lực chi đầu tư phát triển của ngân sách Nhà nước để đảm bảo thực "
                    "hiện các nhiệm vụ của Kế hoạch"
                ],
            ),
            (
                "V.3",
                "Sở Tài chính chịu trách nhiệm",
                [
                    "Chủ trì thẩm định dự toán, tham mưu đề xuất Ủy ban nhân dân tỉnh bố trí nguồn "
                    "kinh phí để thực hiện các nhiệm vụ của Kế hoạch."
                ],
            ),
            (
                "V.4",
                "Sở Văn hóa, Thông tin, Thể thao và Du lịch chịu trách nhiệm",
                [
                    "- Phối hợp với Sở Giáo dục, Khoa học và Công nghệ thực hiện tốt công tác thông "
                    "tin, tuyên truyền trên các phương tiện thông tin; tổ chức thông tin, tuyên "
                    "truyền và phổ biến các hoạt động năng suất và chất lượng trên địa bàn tỉnh.",
                    "- Chủ trì, phối hợp với Sở Giáo dục, Khoa học và Công nghệ, các Sở, Ngành, địa "
                    "phương có liên quan hỗ trợ các doanh nghiệp ứng dụng công nghệ thông tin trong "
                    "chuyển đổi sang sản xuất thông minh.",
                ],
            ),
            (
                "V.5",
                "Các Sở, Ngành, đơn vị và Ủy ban nhân dân các huyện, thị xã, thành phố chịu trách nhiệm",
                [
                    "- Chủ trì, phối hợp với Sở Giáo dục, Khoa học và Công nghệ và các đơn vị có "
                    "liên quan thực hiện các nội dung của Kế hoạch này theo chức năng, nhiệm vụ "
                    "được giao, phù hợp định hướng phát triển sản phẩm, hàng hóa chủ lực của ngành, "
                    "lĩnh vực, tập trung vào sản phẩm chủ lực của tỉnh.",
                    "- Thông tin, tuyên truyền, phổ biến các mục tiêu, nhiệm vụ của Kế hoạch đến "
                    "các doanh nghiệp thuộc ngành, lĩnh vực quản lý để tham gia thực hiện.",
                    "- Hướng dẫn và tạo điều kiện cho các doanh nghiệp, các tổ chức kinh tế tham "
                    "gia vào Kế hoạch, gắn kết các hoạt động kinh tế - xã hội của địa phương với "
                    "phong trào năng suất và chất lượng của tỉnh.",
                    "- Đề xuất, đăng ký gửi Sở Giáo dục, Khoa học và Công nghệ về các hoạt động "
                    "nâng cao năng suất và chất lượng sản phẩm, hàng hóa hằng năm theo nhu cầu của "
                    "các doanh nghiệp thuộc trách nhiệm quản lý.",
                    "- Đề xuất xây dựng kế hoạch và dự toán kinh phí cho các hoạt động nâng cao "
                    "năng suất và chất lượng cho các đơn vị/doanh nghiệp thuộc trách nhiệm quản lý "
                    "gửi Sở Giáo dục, Khoa học và Công nghệ để tổng hợp gửi Sở Tài chính bố trí "
                    "kinh phí theo quy định; huy động các nguồn vốn hợp pháp để thực hiện các nhiệm "
                    "vụ của Kế hoạch.",
                    "- Phối hợp với Sở Giáo dục, Khoa học và Công nghệ thực hiện việc kiểm tra, "
                    "giám sát các doanh nghiệp tham gia chương trình hỗ trợ nâng cao năng suất và "
                    "chất lượng theo phạm vi quản lý.",
                    "- Định kỳ trước ngày 30 tháng 11 hằng năm hoặc đột xuất khi có yêu cầu, gửi "
                    "báo cáo kết quả triển khai các nhiệm vụ của Kế hoạch trong phạm vi, thẩm quyền "
                    "được giao, các phát sinh cần giải quyết về Sở Giáo dục, Khoa học và Công nghệ "
                    "để tổng hợp báo cáo Ủy ban nhân dân tỉnh, Bộ Khoa học và Công nghệ.",
                ],
            ),
            (
                "V.6",
                "Liên minh Hợp tác xã tỉnh, Hiệp hội Doanh nghiệp tỉnh, Ban Quản lý các Khu Công "
                "nghiệp tỉnh chịu trách nhiệm",
                [
                    "- Phối hợp triển khai thực hiện nội dung nâng cao năng suất và chất lượng "
                    "trong các hợp tác xã, làng nghề, các doanh nghiệp nhỏ và vừa, hỗ trợ các lĩnh "
                    "vực liên quan đến nội dung Kế hoạch.",
                    "- Phối hợp với Sở Giáo dục, Khoa học và Công nghệ và các cơ quan, tổ chức, đơn "
                    "vị liên quan vận động, giới thiệu doanh nghiệp tham gia các nhiệm vụ của Kế "
                    "hoạch; huy động các nguồn vốn hợp pháp để đảm bảo thực hiện Kế hoạch.",
                    "- Cung cấp thông tin về nhu cầu đào tạo, hỗ trợ của các doanh nghiệp cho Sở "
                    "Giáo dục, Khoa học và Công nghệ xem xét và giải quyết.",
                ],
            ),
            (
                "V",
                "",
                [
                    "Thủ trưởng các Sở, Ngành, đơn vị có liên quan, Ủy ban nhân dân các huyện, thị "
                    "xã, thành phố và các tổ chức, cá nhân có liên quan được phân công nhiệm vụ "
                    "nghiêm túc triển khai thực hiện Kế hoạch này. Quá trình triển khai thực hiện, "
                    "nếu có vướng mắc, thì phải kịp thời báo cáo kịp thời về Sở Giáo dục, Khoa học "
                    "và Công nghệ để tổng hợp tham mưu, đề xuất Ủy ban nhân dân tỉnh chỉ đạo giải "
                    "quyết theo quy định./."
                ],
            ),
        ],
    },
    "hai-duong": {
        "signature": ([], ""),
        "legal_basis": [
            "Triển khai chiến lược quốc gia về nâng cao năng suất chất lượng, ngày 31/8/2020 Thủ "
            "tướng Chính phủ đã ban hành Quyết định số 1322/QĐ-TTg về việc phê duyệt Chương trình "
            "quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hoá "
            "giai đoạn 2021 - 2030.",
            "Đề án: “Nâng cao năng suất và chất lượng sản phẩm, hàng hóa cho các doanh nghiệp "
            "tỉnh Hải Dương giai đoạn 2021 - 2030” trình UBND tỉnh phê duyệt tại Quyết định số "
            "74/QĐ - UBND ngày 11/01/2021",
        ],
        "objectives": [
            "Hỗ trợ doanh nghiệp trên địa bàn tỉnh nâng cao năng suất và chất lượng sản phẩm, hàng "
            "hoá (sau đây gọi chung là năng suất chất lượng) trên cơ sở áp dụng các giải pháp về "
            "tiêu chuẩn, quy chuẩn kỹ thuật, hệ thống quản lý, công cụ cải tiến năng suất chất "
            "lượng; hỗ trợ doanh nghiệp về truy xuất nguồn gốc sản phẩm, hàng hoá nhằm nâng cao "
            "năng lực cạnh tranh và phát triển bền vững của doanh nghiệp trên địa bàn tỉnh. Nghiên "
            "cứu tính mức độ đóng góp của năng suất các nhân tố tổng hợp (TFP) trong tốc độ tăng "
            "trưởng kinh tế của tỉnh."
        ],
        "targets": [
            (
                "2021-2025",
                "Tổ chức tập huấn về năng suất chất lượng, truy xuất nguồn gốc sản phẩm, hàng hoá cho "
                "các doanh nghiệp trên địa bàn tỉnh để nâng cao nhận thức, cập nhật kiến thức về năng "
                "suất chất lượng, truy xuất nguồn gốc sản phẩm, hàng hoá.",
            ),
            (
                "2021-2025",
                "Xây dựng và phát sóng 10 phóng sự, 01 toạ đàm phát trên Đài Phát thanh và Truyền hình "
                "tỉnh; xây dựng 20 video đưa lên Trang Thông tin điện tử của Sở Khoa học và Công nghệ "
                "với nội dung thông tin tuyên truyền về năng suất chất lượng; về truy xuất nguồn gốc sản "
                "phẩm, hàng hoá cho các doanh nghiệp trên địa bàn tỉnh.",
            ),
            (
                "2021-2025",
                "Xây dựng và phát sóng 10 phóng sự, 01 toạ đàm phát trên Đài Phát thanh và Truyền hình "
                "tỉnh; xây dựng 20 video đưa lên Trang Thông tin điện tử của Sở Khoa học và Công nghệ "
                "với nội dung thông tin tuyên truyền về năng suất chất lượng; về truy xuất nguồn gốc sản "
                "phẩm, hàng hoá cho các doanh nghiệp trên địa bàn tỉnh.",
            ),
            (
                "2021-2025",
                "Xây dựng và phát sóng 10 phóng sự, 01 toạ đàm phát trên Đài Phát thanh và Truyền hình "
                "tỉnh; xây dựng 20 video đưa lên Trang Thông tin điện tử của Sở Khoa học và Công nghệ "
                "với nội dung thông tin tuyên truyền về năng suất chất lượng; về truy xuất nguồn gốc sản "
                "phẩm, hàng hoá cho các doanh nghiệp trên địa bàn tỉnh.",
            ),
            (
                "2021-2025",
                "Hỗ trợ 100 đến 150 doanh nghiệp thực hiện chứng nhận sản phẩm, hàng hoá phù hợp tiêu "
                "chuẩn hoặc quy chuẩn kỹ thuật; chứng nhận hệ thống quản lý; áp dụng tiêu chuẩn, công cụ "
                "hỗ trợ cho sản xuất thông minh, dịch vụ thông minh.",
            ),
            (
                "2021-2025",
                "Hỗ trợ 5 doanh nghiệp xây dựng, áp dụng hoặc chứng nhận hệ thống truy xuất nguồn gốc "
                "sản phẩm, hàng hoá; thực hành sản xuất nông nghiệp hữu cơ.",
            ),
            (
                "2021-2025",
                "Xây dựng và duy trì hệ thống quản lý thông tin truy xuất nguồn gốc sản phẩm, hàng hoá "
                "của tỉnh đảm bảo kết nối với Cổng thông tin truy xuất nguồn gốc sản phẩm, hàng hoá quốc "
                "gia.",
            ),
            (
                "2021-2025",
                "Thực hiện tính mức độ đóng góp của năng suất các nhân tố tổng hợp (TFP) trong tốc độ "
                "tăng trưởng kinh tế của tỉnh giai đoạn 2021 - 2025.",
            ),
            (
                "2026-2030",
                "Xây dựng và phát sóng 10 phóng sự, 01 toạ đàm phát trên Đài Phát thanh và Truyền hình "
                "tỉnh; xây dựng 20 video đưa lên Trang Thông tin điện tử của Sở Khoa học và Công nghệ "
                "với nội dung thông tin tuyên truyền về năng suất chất lượng; về truy xuất nguồn gốc sản "
                "phẩm, hàng hoá cho các doanh nghiệp trên địa bàn tỉnh.",
            ),
            (
                "2026-2030",
                "Xây dựng và phát sóng 10 phóng sự, 01 toạ đàm phát trên Đài Phát thanh và Truyền hình "
                "tỉnh; xây dựng 20 video đưa lên Trang Thông tin điện tử của Sở Khoa học và Công nghệ "
                "với nội dung thông tin tuyên truyền về năng suất chất lượng; về truy xuất nguồn gốc sản "
                "phẩm, hàng hoá cho các doanh nghiệp trên địa bàn tỉnh.",
            ),
            (
                "2026-2030",
                "Xây dựng và phát sóng 10 phóng sự, 01 toạ đàm phát trên Đài Phát thanh và Truyền hình "
                "tỉnh; xây dựng 20 video đưa lên Trang Thông tin điện tử của Sở Khoa học và Công nghệ "
                "với nội dung thông tin tuyên truyền về năng suất chất lượng; về truy xuất nguồn gốc sản "
                "phẩm, hàng hoá cho các doanh nghiệp trên địa bàn tỉnh.",
            ),
            (
                "2026-2030",
                "Hỗ trợ 100 đến 150 doanh nghiệp thực hiện chứng nhận sản phẩm, hàng hoá phù hợp tiêu "
                "chuẩn hoặc quy chuẩn kỹ thuật; chứng nhận hệ thống quản lý; áp dụng tiêu chuẩn, công cụ "
                "hỗ trợ cho sản xuất thông minh, dịch vụ thông minh.",
            ),
            (
                "2026-2030",
                "Hỗ trợ 10 doanh nghiệp xây dựng, áp dụng hoặc chứng nhận hệ thống truy xuất nguồn gốc "
                "sản phẩm, hàng hoá; thực hành sản xuất nông nghiệp hữu cơ.",
            ),
            ("2026-2030", "Duy trì hệ thống quản lý thông tin truy xuất nguồn gốc sản phẩm, hàng hoá của tỉnh."),
            (
                "2026-2030",
                "Thực hiện tính mức độ đóng góp của năng suất các nhân tố tổng hợp (TFP) trong tốc độ "
                "tăng trưởng kinh tế của tỉnh giai đoạn 2026 - 2030.",
            ),
        ],
        "tasks": [
            (
                "4.1",
                "Tuyên truyền, phổ biến về năng suất chất lượng; truy xuất nguồn gốc sản phẩm, hàng hoá "
                "cho các doanh nghiệp trên địa bàn tỉnh.",
            ),
            (
                "4.2",
                "Hỗ trợ doanh nghiệp chứng nhận sản phẩm, hàng hoá phù hợp tiêu chuẩn hoặc quy chuẩn kỹ "
                "thuật; chứng nhận hệ thống quản lý; áp dụng tiêu chuẩn, công cụ hỗ trợ cho sản xuất thông "
                "minh, dịch vụ thông minh.",
            ),
            (
                "4.3",
                "Hỗ trợ doanh nghiệp xây dựng, áp dụng hoặc chứng nhận hệ thống truy xuất nguồn gốc sản "
                "phẩm, hàng hoá; thực hành sản xuất nông nghiệp hữu cơ.",
            ),
            ("4.4", "Xây dựng và duy trì hệ thống quản lý thông tin truy xuất nguồn gốc sản phẩm, hàng hoá của tỉnh"),
            (
                "4.5",
                "Tính mức độ đóng góp của năng suất các nhân tố tổng hợp (TFP) trong tốc độ tăng trưởng "
                "kinh tế của tỉnh giai đoạn 2021 - 2025 và 2026 - 2030.",
            ),
        ],
        "responsibilities": [],
    },
    "hau-giang": {
        "signature": ([], ""),
        "legal_basis": [
            "Căn cứ Quyết định số 712/QĐ-TTg ngày 21 tháng 5 năm 2010 của Thủ tướng Chính phủ V/v "
            "phê duyệt Chương trình Quốc gia “Nâng cao năng suất và chất lượng sản phẩm, hàng hóa "
            "của doanh nghiệp Việt Nam đến năm 2020”;",
            "Căn cứ Thông tư số 20/2010/TT-BKHCN ngày 29 tháng 12 năm 2010 của Bộ Khoa học và "
            "Công nghệ V/v quy định về tổ chức, quản lý và điều hành Chương trình quốc gia “Nâng "
            "cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp Việt Nam đến năm "
            "2020”;",
            "Căn cứ Quyết định số 1950/QĐ-UBND ngày 28 tháng 9 năm 2012 của UBND tỉnh Hậu Giang "
            "V/v phê duyệt Dự án “Nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh "
            "nghiệp tỉnh Hậu Giang giai đoạn 2012-2015 và tầm nhìn đến năm 2020”;",
        ],
        "objectives": [
            "Xây dựng và áp dụng hệ thống tiêu chuẩn, quy chuẩn kỹ thuật, các hệ thống quản lý "
            "chất lượng, mô hình, công cụ cải tiến năng suất và chất lượng. Phát triển nguồn nhân "
            "lực cần thiết để nâng cao năng suất và chất lượng sản phẩm, hàng hóa của tỉnh.",
            "Tạo bước chuyển biến rõ rệt về năng suất và chất lượng của các sản phẩm, hàng hóa chủ "
            "lực của tỉnh, nâng cao khả năng cạnh tranh của các doanh nghiệp sản xuất kinh doanh "
            "sản phẩm chủ lực của tỉnh, từng bước nâng cao mức đóng góp của năng suất các yếu tố "
            "tổng hợp (TFP) vào tăng trưởng GDP của tỉnh.",
            "Đẩy nhanh tốc độ đổi mới công nghệ trong các ngành, lĩnh vực then chốt của tỉnh. Phát "
            "triển có chọn lọc các ngành công nghiệp, dịch vụ công nghệ cao, thân thiện môi "
            "trường.",
            "Nâng cao nhận thức, năng lực cải tiến về năng suất chất lượng của các doanh nghiệp trong tỉnh.",
        ],
        "targets": [
            (
                "2016-2020",
                "80% các sản phẩm, hàng hóa chủ lực của tỉnh có chất lượng phù hợp theo tiêu chuẩn quốc "
                "gia, quy chuẩn kỹ thuật quốc gia/quy định của các quốc gia nhập khẩu, trong đó: 100% "
                "các sản phẩm, hàng hóa bắt buộc phải chứng nhận hợp chuẩn, hợp quy thực hiện việc chứng "
                "nhận hợp chuẩn, hợp quy. Phấn đấu mỗi năm đều có doanh nghiệp tham gia và đạt giải "
                "thưởng chất lượng quốc gia;",
            ),
            (
                "2016-2020",
                "80% các sản phẩm, hàng hóa chủ lực của tỉnh có chất lượng phù hợp theo tiêu chuẩn quốc "
                "gia, quy chuẩn kỹ thuật quốc gia/quy định của các quốc gia nhập khẩu, trong đó: 100% "
                "các sản phẩm, hàng hóa bắt buộc phải chứng nhận hợp chuẩn, hợp quy thực hiện việc chứng "
                "nhận hợp chuẩn, hợp quy. Phấn đấu mỗi năm đều có doanh nghiệp tham gia và đạt giải "
                "thưởng chất lượng quốc gia;",
            ),
            (
                "2016-2020",
                "80% các sản phẩm, hàng hóa chủ lực của tỉnh có chất lượng phù hợp theo tiêu chuẩn quốc "
                "gia, quy chuẩn kỹ thuật quốc gia/quy định của các quốc gia nhập khẩu, trong đó: 100% "
                "các sản phẩm, hàng hóa bắt buộc phải chứng nhận hợp chuẩn, hợp quy thực hiện việc chứng "
                "nhận hợp chuẩn, hợp quy. Phấn đấu mỗi năm đều có doanh nghiệp tham gia và đạt giải "
                "thưởng chất lượng quốc gia;",
            ),
            (
                "2016-2020",
                "Tối thiểu 80% các doanh nghiệp sản xuất các sản phẩm, hàng hóa chủ lực triển khai các "
                "dự án năng suất chất lượng, trong đó: tối thiểu 50% doanh nghiệp có dự án ứng dụng tiến "
                "bộ khoa học kỹ thuật, đổi mới công nghệ; áp dụng các hệ thống quản lý; công cụ cải tiến "
                "năng suất và chất lượng tiên tiến;",
            ),
            (
                "2016-2020",
                "Tối thiểu 80% các doanh nghiệp sản xuất các sản phẩm, hàng hóa chủ lực triển khai các "
                "dự án năng suất chất lượng, trong đó: tối thiểu 50% doanh nghiệp có dự án ứng dụng tiến "
                "bộ khoa học kỹ thuật, đổi mới công nghệ; áp dụng các hệ thống quản lý; công cụ cải tiến "
                "năng suất và chất lượng tiên tiến;",
            ),
            ("2016-2020", "90% sản phẩm, hàng hóa chủ lực của tỉnh đều được đăng ký bảo hộ quyền sở hữu công nghiệp;"),
            (
                "2016-2020",
                "90% các doanh nghiệp sản xuất các sản phẩm, hàng hóa chủ lực có nhân lực được đào tạo "
                "về công cụ cải tiến năng suất chất lượng hiện đại;",
            ),
            (
                "2016-2020",
                "Góp phần nâng tỷ trọng đóng góp của năng suất các yếu tố tổng hợp (TFP) vào tăng trưởng "
                "GDP của tỉnh lên ít nhất 35%.",
            ),
        ],
        "tasks": [
            (
                "1.1",
                "Thúc đẩy hoạt động năng suất và chất lượng:\n"
                "- Tổ chức Hội nghị, tuyên truyền phổ biến trên Cổng thông tin điện tử tỉnh Hậu Giang, "
                "trên website của các đơn vị thực hiện, trên báo, truyền hình về dự án năng suất chất "
                "lượng để vận động, phổ biến dự án năng suất chất lượng cho các doanh nghiệp.\n"
                "- Mở 10 lớp thông tin tuyên truyền, đào tạo tập huấn về áp dụng tiêu chuẩn, quy chuẩn kỹ "
                "thuật; các công cụ năng suất chất lượng, các hệ thống quản lý chất lượng; giải thưởng "
                "chất lượng quốc gia; ứng dụng tiến bộ khoa học, đổi mới công nghệ và đăng ký bảo hộ quyền "
                "sở hữu công nghiệp cho các doanh nghiệp, các cơ quan quản lý.\n"
                "- Đào tạo kiến thức về năng suất chất lượng cho lực lượng cán bộ, công chức, viên chức "
                "của Sở Khoa học và Công nghệ, Sở Nông nghiệp và Phát triển nông thôn, Sở Y tế, Sở Công "
                "Thương, Sở Xây dựng, Liên minh Hợp tác xã tỉnh và cán bộ phụ trách khoa học và công nghệ "
                "thuộc Phòng Kinh tế, Kinh tế và Hạ tầng huyện, thị xã, thành phố nhằm phục vụ cho công "
                "tác tuyên truyền, hướng dẫn doanh nghiệp tham gia dự án.\n"
                "* Nội dung:\n"
                "- Thực hiện thông báo, phóng sự, thông tin/tọa đàm trên báo, truyền hình để vận động, phổ "
                "biến đối tượng tham gia, nội dung dự án, chính sách hỗ trợ, cách thức tham gia dự án.\n"
                "- Tổ chức hội thảo, hội nghị phổ biến, triển khai các nội dung của dự án.\n"
                "- Tuyên truyền phổ biến, hướng dẫn xây dựng và áp dụng tiêu chuẩn cơ sở, tiêu chuẩn quốc "
                "gia, quy chuẩn kỹ thuật quốc gia; công bố, chứng nhận hợp chuẩn, chứng nhận hợp quy; xây "
                "dựng và áp dụng hệ thống quản lý tiên tiến và các công cụ cải tiến năng suất chất lượng; "
                "hỗ trợ xây dựng thương hiệu và bảo hộ quyền sở hữu trí tuệ.\n"
                "- Tổ chức đào tạo, bồi dưỡng kiến thức về tiêu chuẩn, quy chuẩn kỹ thuật; các công cụ "
                "năng suất chất lượng; hệ thống quản lý chất lượng theo tiêu chuẩn quốc tế; quyền sở hữu "
                "trí tuệ của doanh nghiệp; giải thưởng chất lượng quốc gia (mở 10 lớp).\n"
                "- Xây dựng đội ngũ cán bộ, công chức, viên chức am hiểu về năng suất chất lượng để vận "
                "động, tư vấn cho doanh nghiệp khi doanh nghiệp tham gia dự án.\n"
                "- Tham gia hoạt động tư vấn áp dụng các hệ thống quản lý chất lượng, đánh giá hệ thống "
                "quản lý chất lượng, các công cụ năng suất chất lượng.",
            ),
            (
                "1.2",
                "Hỗ trợ các doanh nghiệp sản xuất sản phẩm, hàng hóa chủ lực của địa phương nâng cao năng "
                "suất và chất lượng:\n"
                "- Vận động doanh nghiệp sản xuất kinh doanh các sản phẩm, hàng hóa chủ lực của tỉnh tham "
                "gia dự án để nâng cao năng suất chất lượng.\n"
                "- Lựa chọn các doanh nghiệp sản xuất kinh doanh các sản phẩm hàng hóa chủ lực của tỉnh để "
                "hỗ trợ xây dựng, áp dụng tiêu chuẩn, quy chuẩn kỹ thuật, đánh giá sự phù hợp; áp dụng các "
                "công cụ cải tiến năng suất chất lượng; tham gia giải thưởng chất lượng quốc gia; hoàn "
                "thiện, đổi mới công nghệ, đổi mới dây chuyền sản xuất, áp dụng sản xuất sạch hơn để nâng "
                "cao năng suất chất lượng.\n"
                "- Tiếp tục đầu tư nâng cao năng lực kỹ thuật về tiêu chuẩn, đo lường, chất lượng theo "
                "hướng hội nhập và đáp ứng yêu cầu quản lý nhà nước. Nâng cấp cơ sở vật chất và trang "
                "thiết bị phục vụ hoạt động đo lường, thử nghiệm trên địa bàn.\n"
                "- Phát huy và tận dụng tối đa các phòng thử nghiệm của các ngành, các doanh nghiệp để "
                "phục vụ công tác quản lý Nhà nước. Khuyến khích các doanh nghiệp xây dựng các phòng thí "
                "nghiệm, kiểm định chất lượng sản phẩm để phục vụ quá trình sản xuất kinh doanh.\n"
                "- Quảng bá, phát triển thương hiệu; nâng cao năng lực cạnh tranh cho các doanh nghiệp, "
                "đơn vị sản xuất kinh doanh, hiệp hội ngành nghề và một số sản phẩm có tiềm năng, thế mạnh "
                "của các địa phương.\n"
                "* Nội dung:\n"
                "- Xác định danh mục sản phẩm, hàng hóa chủ lực; danh mục các doanh nghiệp sản xuất các "
                "sản phẩm, hàng hóa chủ lực; đánh giá thực trạng hoạt động cải tiến năng suất, chất lượng "
                "và cơ hội triển khai các dự án cải tiến năng suất chất lượng của các doanh nghiệp trên "
                "địa bàn tỉnh.\n"
                "- Phân tích, đánh giá hiện trạng sản xuất sản phẩm, hàng hóa; đánh giá trình độ chất "
                "lượng của sản phẩm, hàng hóa; năng suất lao động; trình độ công nghệ; chất lượng sản "
                "phẩm, hàng hóa và quản lý của doanh nghiệp trên địa bàn tỉnh và định hướng phát triển của "
                "các doanh nghiệp sản xuất các sản phẩm chủ lực của tỉnh.\n"
                "- Lựa chọn doanh nghiệp có nhu cầu và đủ khả năng tham gia dự án để tư vấn, hướng dẫn "
                "doanh nghiệp triển khai dự án của doanh nghiệp.\n"
                "- Hỗ trợ, thúc đẩy các doanh nghiệp, đơn vị, cơ sở sản xuất kinh doanh, hiệp hội, làng "
                "nghề trong việc đăng ký bảo hộ quyền sở hữu công nghiệp trước yêu cầu hội nhập kinh tế "
                "quốc tế.\n"
                "- Đầu tư xây dựng phòng thử nghiệm chất lượng sản phẩm, hàng hóa đạt trình độ khu vực và "
                "quốc tế đáp ứng yêu cầu đánh giá sự phù hợp tiêu chuẩn, quy chuẩn kỹ thuật đối với các "
                "sản phẩm, hàng hóa chủ lực phục vụ nhu cầu của doanh nghiệp (thực hiện theo Đề án Nâng "
                "cao năng lực của Trung tâm Ứng dụng tiến bộ khoa học và công nghệ và Trung tâm Kỹ thuật "
                "tiêu chuẩn đo lường chất lượng đã được Thủ tướng Chính phủ phê duyệt tại Quyết định "
                "317/QĐ-TTg ngày 15 tháng 3 năm 2012).\n"
                "- Tổ chức xét duyệt doanh nghiệp tham gia; xây dựng kế hoạch; tiến độ thực hiện; theo dõi "
                "việc triển khai và nghiệm thu kết quả thực hiện dự án của doanh nghiệp.\n"
                "- Hỗ trợ doanh nghiệp chứng nhận chất lượng sản phẩm hàng hóa phù hợp tiêu chuẩn/quy "
                "chuẩn kỹ thuật cho 10 sản phẩm hàng hóa.\n"
                "- Hỗ trợ 25 doanh nghiệp áp dụng các hệ thống quản lý chất lượng, môi trường tiên tiến.\n"
                "- Hỗ trợ 18 doanh nghiệp áp dụng các công cụ cải tiến năng suất chất lượng.\n"
                "- Hỗ trợ 7 doanh nghiệp tham gia giải thưởng chất lượng quốc gia.\n"
                "- Hỗ trợ 5 doanh nghiệp hoàn thiện, đổi mới công nghệ, đổi mới dây chuyền sản xuất, áp "
                "dụng sản xuất sạch hơn để nâng cao năng suất chất lượng.",
            ),
            ("1.3", "Tổ chức tổng kết việc thực hiện dự án."),
        ],
        "responsibilities": [
            (
                "IV.1",
                "Ban Điều hành dự án",
                [
                    "Kiện toàn Ban Điều hành dự án do Phó Chủ tịch UBND tỉnh làm Trưởng ban, Giám "
                    "đốc Sở Khoa học và Công nghệ làm Phó Ban thường trực, đại diện lãnh đạo Sở "
                    "Công Thương, Sở Nông nghiệp và Phát triển nông thôn làm Phó ban; thành viên "
                    "gồm đại diện lãnh đạo các Sở, ngành có liên quan như: Văn phòng UBND tỉnh, Sở "
                    "Tài chính, Sở Kế hoạch và Đầu tư, Sở Xây dựng, Ban quản lý các Khu công "
                    "nghiệp, Liên hiệp các hội khoa học kỹ thuật, Liên minh Hợp tác xã tỉnh; UBND "
                    "huyện, thị xã, thành phố; Chi cục Tiêu chuẩn Đo lường Chất lượng.",
                    "Ban Điều hành có trách nhiệm tham mưu UBND tỉnh điều phối toàn bộ quá trình "
                    "thực hiện Dự án, ban hành quy chế hoạt động của Ban Chỉ đạo Dự án.",
                ],
            ),
            (
                "IV.2",
                "Sở Khoa học và Công nghệ",
                [
                    "- Là cơ quan thường trực Dự án năng suất và chất lượng của tỉnh; tham mưu "
                    "giúp UBND tỉnh quản lý, theo dõi tình hình thực hiện dự án và phối hợp với Sở "
                    "Tài chính, các ngành có liên quan nghiên cứu, đề xuất UBND tỉnh các chính "
                    "sách, biện pháp cần thiết để thực hiện dự án có hiệu quả.",
                    "- Tổ chức phổ biến nội dung, chính sách hỗ trợ của dự án năng suất và chất "
                    "lượng cho các cơ quan, tổ chức, doanh nghiệp trong phạm vi địa phương.",
                    "- Chỉ đạo xây dựng kế hoạch, dự toán triển khai dự án trong từng năm để trình "
                    "cấp có thẩm quyền phê duyệt.",
                    "- Đôn đốc, kiểm tra việc thực hiện dự án năng suất và chất lượng của doanh nghiệp.",
                    "- Ký hợp đồng nguyên tắc với các doanh nghiệp tham gia dự án.",
                    "- Ban hành quyết định thành lập Hội đồng xét duyệt nội dung và nghiệm thu dự án của doanh nghiệp.",
                    "- Trên cơ sở Kế hoạch giai đoạn 2016-2020 được UBND tỉnh phê duyệt, Sở Khoa "
                    "học và Công nghệ có trách nhiệm xây dựng kế hoạch hàng năm và phối hợp với "
                    "các cơ quan, địa phương triển khai thực hiện có hiệu quả kế hoạch này.",
                    "- Định kỳ tháng 5, tháng 12 hàng năm hoặc khi có yêu cầu đột xuất báo cáo kết "
                    "quả thực hiện Dự án về Bộ Khoa học và Công nghệ, UBND tỉnh theo quy định.",
                    "- Chỉ đạo Chi cục Tiêu chuẩn Đo lường Chất lượng:",
                    "+ Thực hiện đầy đủ chức năng, nhiệm vụ của cơ quan chuyên môn trong tham mưu, "
                    "đề xuất Sở Khoa học và Công nghệ thực hiện các nhiệm vụ quản lý, điều hành và "
                    "thực hiện dự án.",
                    "+ Trực tiếp theo dõi, đôn đốc, hướng dẫn, kiểm tra đánh giá tình hình thực "
                    "hiện dự án năng suất và chất lượng tại doanh nghiệp.",
                    "+ Soạn thảo hợp đồng để Sở Khoa học và Công nghệ ký kết với với các doanh nghiệp tham gia dự án.",
                    "+ Tham mưu thành lập Hội đồng xét duyệt, nghiệm thu dự án của doanh nghiệp.",
                    "+ Tổ chức triển khai dự án, kiểm tra định kỳ hoặc đột xuất khi cần thiết để "
                    "nắm tình hình thực hiện dự án của doanh nghiệp; báo cáo và đề xuất với Sở "
                    "Khoa học và Công nghệ xử lý các vấn đề nảy sinh trong quá trình thực hiện.",
                    "+ Tham mưu cho Sở Khoa học và Công nghệ thực hiện việc tổng kết và báo cáo "
                    "định kỳ cho Sở Khoa học và Công nghệ để tổng hợp báo cáo Bộ Khoa học và Công "
                    "nghệ, UBND tỉnh; đề nghị khen thưởng các tổ chức, cá nhân có thành tích xuất "
                    "sắc trong việc tổ chức thực hiện dự án theo quy định của Luật Thi đua, khen "
                    "thưởng.",
                ],
            ),
            (
                "IV.3",
                "Sở Tài chính",
                [
                    "- Cân đối, bố trí kinh phí từ nguồn vốn ngân sách tỉnh để thực hiện dự án "
                    "theo quy định của pháp luật về ngân sách Nhà nước.",
                    "- Thẩm định kinh phí thực hiện dự án hàng năm để Sở Khoa học và Công nghệ "
                    "trình UBND tỉnh xem xét, quyết định.",
                    "- Cử cán bộ tham gia Hội đồng xét duyệt nội dung, nghiệm thu và tham gia xét "
                    "duyệt kinh phí dự án năng suất và chất lượng của các doanh nghiệp theo chế "
                    "độ, chính sách hỗ trợ của Nhà nước.",
                ],
            ),
            (
                "IV.4",
                "Sở: Kế hoạch và Đầu tư, Công Thương, Y tế, Nông nghiệp và Phát triển nông thôn",
                [
                    "- Cử cán bộ tham gia Hội đồng xét duyệt nội dung, nghiệm thu và kiểm tra tiến "
                    "độ thực hiện dự án của doanh nghiệp.",
                    "- Tuyên truyền nội dung và chính sách hỗ trợ của dự án năng suất và chất lượng.",
                    "- Chỉ đạo các đơn vị trực thuộc phối hợp với Sở Khoa học và Công nghệ vận "
                    "động doanh nghiệp tham gia dự án năng suất và chất lượng của tỉnh; xây dựng, "
                    "áp dụng tiêu chuẩn, quy chuẩn kỹ thuật, đánh giá sự phù hợp; áp dụng các công "
                    "cụ cải tiến năng suất chất lượng; tham gia giải thưởng chất lượng quốc gia; "
                    "hoàn thiện, đổi mới công nghệ, đổi mới dây chuyền sản xuất, áp dụng sản xuất "
                    "sạch hơn để nâng cao năng suất chất lượng.",
                ],
            ),
            (
                "IV.5",
                "Các sở, ban, ngành có liên quan",
                [
                    "- Tuyên truyền nội dung và chính sách hỗ trợ về dự án năng suất và chất lượng.",
                    "- Phối hợp với Sở Khoa học và Công nghệ trong việc vận động các doanh nghiệp "
                    "trong các khu công nghiệp, cụm công nghiệp tham gia dự án.",
                ],
            ),
            (
                "IV.6",
                "UBND huyện, thị xã, thành phố",
                [
                    "- Hướng dẫn và tạo điều kiện cho các doanh nghiệp, các tổ chức kinh tế tham "
                    "gia Dự án, gắn kết các hoạt động kinh tế - xã hội của đơn vị, địa phương với "
                    "phong trào năng suất chất lượng của tỉnh.",
                    "- Tuyên truyền nội dung và chính sách hỗ trợ về dự án năng suất và chất lượng.",
                    "- Chỉ đạo Phòng Kinh tế, Kinh tế và Hạ tầng huyện, thị xã, thành phố chủ động "
                    "tuyên truyền, vận động doanh nghiệp trên địa bàn tham gia dự án năng suất "
                    "chất lượng. Hỗ trợ, phối hợp Chi cục Tiêu chuẩn Đo lường Chất lượng trong "
                    "việc thẩm định khả năng tham gia dự án của các doanh nghiệp trên địa bàn quản "
                    "lý.",
                    "- Phối hợp với Sở Khoa học và Công nghệ trong việc vận động các doanh nghiệp "
                    "tham gia dự án năng suất và chất lượng của tỉnh.",
                ],
            ),
            (
                "IV.7",
                "Liên hiệp các Hội khoa học và kỹ thuật, Liên minh Hợp tác xã tỉnh",
                [
                    "- Tuyên truyền nội dung và chính sách hỗ trợ về dự án năng suất và chất lượng.",
                    "- Phối hợp với Sở khoa học và Công nghệ trong việc vận động các doanh nghiệp, "
                    "hợp tác xã tham gia dự án năng suất và chất lượng của tỉnh, áp dụng các tiến "
                    "bộ khoa học kỹ thuật, đổi mới công nghệ.",
                ],
            ),
            (
                "IV.8",
                "Ban Quản lý các khu công nghiệp tỉnh",
                [
                    "- Tuyên truyền nội dung và chính sách hỗ trợ về dự án năng suất và chất lượng.",
                    "- Phối hợp với Sở khoa học và Công nghệ trong việc vận động các doanh nghiệp "
                    "nằm trong các khu công nghiệp tham gia dự án năng suất và chất lượng.",
                ],
            ),
            (
                "IV.9",
                "Tổ chức tư vấn",
                [
                    "- Phối hợp chặt chẽ với Sở Khoa học và Công nghệ (Chi cục Tiêu chuẩn Đo lường "
                    "Chất lượng) để thực hiện việc tư vấn áp dụng hệ thống quản lý chất lượng, "
                    "công cụ năng suất và chất lượng.",
                    "- Cam kết cử các chuyên gia tư vấn có năng lực, kinh nghiệm để thực hiện khảo "
                    "sát, đào tạo và tư vấn có hiệu quả cho các doanh nghiệp.",
                    "- Thực hiện đầy đủ các thủ tục hành chính, thanh quyết toán theo đúng quy định của Nhà nước.",
                ],
            ),
            (
                "IV.10",
                "Doanh nghiệp tham gia dự án",
                [
                    "Cam kết thực hiện đúng các nội dung theo kế hoạch đã được phê duyệt, báo cáo "
                    "định kỳ hoặc đột xuất theo yêu cầu về tình hình, tiến độ, kinh phí, những "
                    "thuận lợi khó khăn và đề xuất cho Sở Khoa học và Công nghệ (Chi cục Tiêu "
                    "chuẩn Đo lường Chất lượng) xem xét, phối hợp giải quyết."
                ],
            ),
            (
                "IV",
                "",
                [
                    "Trên đây là Kế hoạch thực hiện Dự án “Nâng cao năng suất và chất lượng sản "
                    "phẩm, hàng hóa của doanh nghiệp tỉnh Hậu Giang giai đoạn 2016 - 2020”. Trong "
                    "quá trình triển khai thực hiện nếu có khó khăn, vướng mắc các đơn vị báo cáo "
                    "về Sở Khoa học và Công nghệ để tổng hợp trình UBND tỉnh chỉ đạo kịp "
                    "thời./."
                ],
            ),
        ],
        "support_lines": [
            (
                "III.1.3",
                "",
                "Hỗ trợ doanh nghiệp chứng nhận và công bố hợp chuẩn/hợp quy: hỗ trợ (30%) kinh "
                "phí thử nghiệm và chi phí phụ cấp chuyên gia đánh giá.",
                30,
            ),
            (
                "III.1.3",
                "",
                "Hỗ trợ doanh nghiệp xây dựng, áp dụng các hệ thống quản lý chất lượng ISO; các "
                "công cụ cải tiến năng suất và chất lượng: hỗ trợ 01 lần chi phí:\n"
                "+ Tư vấn: hỗ trợ 30% chi phí tư vấn.\n"
                "+ Đánh giá chứng nhận: hỗ trợ 30% chi phí đánh giá chứng nhận lần đầu (không bao "
                "gồm chi phí đánh giá giám sát cho các năm tiếp theo).",
                30,
            ),
            (
                "III.1.3",
                "",
                "Đối với doanh nghiệp tham gia Giải thưởng Chất lượng Quốc gia: hỗ trợ 30% chi phí "
                "tư vấn xây dựng báo cáo đánh giá theo 7 tiêu chí Giải thưởng Chất lượng Quốc gia "
                "và chi phí xét tuyển tại Hội đồng Sơ tuyển và Hội đồng Quốc gia.",
                30,
            ),
            (
                "III.1.3",
                "",
                "Đối với doanh nghiệp thực hiện đăng ký xác lập quyền sở hữu công nghiệp: thực "
                "hiện hỗ trợ theo quy định hiện hành và các Chương trình hỗ trợ phát triển tài sản "
                "trí tuệ của Bộ, ngành, địa phương (Nguồn kinh phí hỗ trợ này không thuộc nguồn "
                "kinh phí của dự án).",
                None,
            ),
            (
                "III.1.3",
                "",
                "Đối với doanh nghiệp cải tiến thiết bị, quy trình công nghệ, đổi mới công nghệ, "
                "áp dụng sản xuất sạch hơn: thực hiện hỗ trợ theo Thông tư liên tịch số "
                "22/2011/TTLT-BTC-BKHCN ngày 21/02/2011 của Bộ Tài chính, Bộ Khoa học và Công nghệ "
                "hướng dẫn quản lý tài chính đối với các dự án sản xuất thử nghiệm được ngân sách "
                "Nhà nước hỗ trợ kinh phí và các văn bản hướng dẫn khác.",
                None,
            ),
        ],
        "board_composition": "Kiện toàn Ban Điều hành dự án do Phó Chủ tịch UBND tỉnh làm Trưởng ban, Giám "
        "đốc Sở Khoa học và Công nghệ làm Phó Ban thường trực, đại diện lãnh đạo Sở Công "
        "Thương, Sở Nông nghiệp và Phát triển nông thôn làm Phó ban; thành viên gồm đại "
        "diện lãnh đạo các Sở, ngành có liên quan như: Văn phòng UBND tỉnh, Sở Tài "
        "chính, Sở Kế hoạch và Đầu tư, Sở Xây dựng, Ban quản lý các Khu công nghiệp, "
        "Liên hiệp các hội khoa học kỹ thuật, Liên minh Hợp tác xã tỉnh; UBND huyện, thị "
        "xã, thành phố; Chi cục Tiêu chuẩn Đo lường Chất lượng.",
        "board_duties": "Ban Điều hành có trách nhiệm tham mưu UBND tỉnh điều phối toàn bộ quá trình thực "
        "hiện Dự án, ban hành quy chế hoạt động của Ban Chỉ đạo Dự án.",
        "council_set_up": "Ban hành quyết định thành lập Hội đồng xét duyệt nội dung và nghiệm thu dự án của "
        "doanh nghiệp.",
    },
    "kon-tum": {
        "signature": (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Nguyễn Hữu Tháp"),
        "legal_basis": [
            "Thực hiện Quyết định số 1322/QĐ-TTg ngày 31 tháng 8 năm 2020 của Thủ tướng Chính phủ "
            "về việc phê duyệt Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất "
            "lượng sản phẩm, hàng hóa giai đoạn 2021-2030"
        ],
        "objectives": [
            "Hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng (NSCL) sản phẩm, hàng hoá trên cơ "
            "sở áp dụng các giải pháp về tiêu chuẩn, quy chuẩn kỹ thuật, hệ thống quản lý, công cụ "
            "cải tiến NSCL, góp phần nâng tỷ trọng đóng góp của năng suất các nhân tố tổng hợp (TFP) "
            "vào tăng trưởng kinh tế, nâng cao NSCL sản phẩm, hàng hoá chủ lực tại địa phương.",
            "Tạo bước chuyển biến rõ rệt về NSCL của sản phẩm, hàng hoá chủ lực tại địa phương, nâng "
            "cao năng lực cạnh tranh cho các doanh nghiệp, đóng góp tích cực vào sự phát triển kinh "
            "tế - xã hội chung của tỉnh, đẩy mạnh hội nhập kinh tế khu vực và quốc tế.",
        ],
        "targets": [
            (
                "2021-2025",
                "Hỗ trợ đào tạo nghiệp vụ chuyên sâu về NSCL cho khoảng từ 10 cán bộ, công chức trở lên "
                "thuộc các cơ quan hành chính nhà nước, các doanh nghiệp trên địa bàn tỉnh Kon Tum.",
            ),
            (
                "2021-2025",
                "Hàng năm hướng dẫn, hỗ trợ từ 10 đến 20 doanh nghiệp áp dụng các giải pháp nâng cao NSCL "
                "tiên tiến như: hệ thống quản lý chất lượng ISO 9001; hệ thống quản lý môi trường ISO "
                "14001; hệ thống quản lý an toàn thực phẩm ISO 22000; hệ thống quản lý năng lượng ISO "
                "50001; hệ thống quản lý đổi mới sáng tạo ISO 56000; hệ thống truy xuất nguồn gốc,... và "
                "các giải pháp để nâng cao NSCL cho sản phẩm, hàng hoá tiên tiến khác.",
            ),
            (
                "2021-2025",
                "Hàng năm, đào tạo, hướng dẫn khoảng 10 đến 20 doanh nghiệp áp dụng các giải pháp về tiêu "
                "chuẩn, quy chuẩn kỹ thuật, hệ thống quản lý tiên tiến, công cụ cải tiến NSCL.",
            ),
            (
                "2021-2025",
                "Vận động, hỗ trợ cho các tổ chức, doanh nghiệp tham gia Giải thưởng chất lượng Quốc gia "
                "(phần đầu ít nhất 01 doanh nghiệp tham gia và đạt giải/năm).",
            ),
            (
                "2021-2025",
                "Nâng cao năng lực quản lý Chương trình hỗ trợ doanh nghiệp nâng cao NSCL cho cán bộ, công "
                "chức; từ đó xây dựng đội ngũ chuyên gia NSCL tại chỗ cho địa phương.",
            ),
        ],
        "tasks": [
            ("1", "Nhiệm vụ 1 - Thúc đẩy hoạt động NSCL"),
            (
                "1.1",
                "Tổ chức 01 hội nghị thông tin, tuyên truyền về Chương trình quốc gia hỗ trợ doanh nghiệp "
                "nâng cao NSCL sản phẩm, hàng hóa giai đoạn 2021-2025 và vận động doanh nghiệp tham gia "
                "chương trình. Đối tượng tham dự là lãnh đạo, cán bộ chuyên môn các sở, ban ngành có liên "
                "quan và doanh nghiệp trên địa bàn tỉnh Kon Tum, dự kiến khoảng 60 lượt người tham dự.",
            ),
            (
                "1.2",
                "Thường xuyên thông tin, truyền thông về chương trình NSCL trên các phương tiện thông tin "
                "đại chúng, các website của tỉnh, ngành liên quan để phổ biến, chia sẻ kiến thức, kinh "
                "nghiệm về nâng cao NSCL.",
            ),
            (
                "1.3",
                "Tổ chức 03 khóa đào tạo, tập huấn cho doanh nghiệp về nội dung và phương pháp áp dụng các "
                "hệ thống quản lý tiên tiến, các công cụ nâng cao NSCL; hướng dẫn doanh nghiệp khai thác "
                "thông tin về tiêu chuẩn chất lượng, quy chuẩn kỹ thuật; về tiêu chuẩn hóa; về xây dựng "
                "thương hiệu và bảo hộ quyền sở hữu công nghiệp (bảo hộ sáng chế, giải pháp hữu ích, kiểu "
                "dáng công nghiệp, nhãn hiệu...); về hệ thống truy xuất nguồn gốc, đăng ký, sử dụng mã số mã "
                "vạch, dự kiến khoảng 200 lượt người tham dự.",
            ),
            (
                "1.4",
                "Cử cán bộ, công chức thực hiện triển khai chương trình NSCL tại tỉnh đi đào tạo, bồi dưỡng "
                "kiến thức, kỹ năng về NSCL. Hỗ trợ doanh nghiệp tham gia các chương trình đào tạo của Tổ "
                "chức Năng suất Châu Á và các tổ chức tiêu chuẩn quốc tế, khu vực, dự kiến 05 lượt người/2 "
                "lần/năm.",
            ),
            (
                "1.5",
                "Lựa chọn, đề xuất khen thưởng các tập thể, cá nhân có thành tích cao trong trong hoạt động "
                "nâng cao NSCL, dự kiến 05 đến 10 cá nhân, tổ chức/kỳ kế hoạch.",
            ),
            (
                "2",
                "Nhiệm vụ 2 - Hỗ trợ doanh nghiệp nâng cao NSCL\n"
                "Lựa chọn các doanh nghiệp vừa và nhỏ thuộc đối tượng của chương trình để hướng dẫn đăng ký "
                "tham gia chương trình, cụ thể:",
            ),
            (
                "2.1",
                "Thường xuyên hướng dẫn các doanh nghiệp áp dụng các hệ thống quản lý, công cụ cải tiến NSCL "
                "cơ bản, đẩy mạnh áp dụng các hệ thống quản lý, công cụ cải tiến NSCL đặc thù cho ngành, "
                "lĩnh vực, tiêu chuẩn về các hệ thống quản lý mới được công bố.",
            ),
            (
                "2.2",
                "Hàng năm hỗ trợ từ 05 đến 10 doanh nghiệp áp dụng hệ thống truy xuất nguồn gốc sản phẩm, "
                "hàng hoá, áp dụng thực hành nông nghiệp tốt (G.A.P), thực hành sản xuất nông nghiệp hữu cơ, "
                "năng suất xanh.",
            ),
            (
                "2.3",
                "Hàng năm hỗ trợ từ 05 đến 10 doanh nghiệp ứng dụng công nghệ thông tin, công nghệ số để "
                "thiết lập, tối ưu hoá, hiện đại hoá hệ thống quản trị doanh nghiệp; áp dụng tiêu chuẩn, "
                "công cụ hỗ trợ cho sản xuất thông minh, dịch vụ thông minh.",
            ),
            (
                "2.4",
                "Hàng năm hỗ trợ từ 05 đến 10 doanh nghiệp chứng nhận sản phẩm, hàng hoá, chứng nhận hệ "
                "thống quản lý an toàn thực phẩm, môi trường, năng lượng, an toàn và sức khoẻ nghề nghiệp, "
                "chứng nhận hệ thống truy xuất nguồn gốc sản phẩm, hàng hoá phù hợp với tiêu chuẩn quốc gia, "
                "tiêu chuẩn quốc tế.",
            ),
        ],
        "responsibilities": [
            (
                "V.1",
                "Sở Khoa học và Công nghệ",
                [
                    "- Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tổ chức triển khai có "
                    "hiệu quả, đúng tiến độ, nội dung, nhiệm vụ của Kế hoạch này; kiểm tra, giám sát "
                    "việc thực hiện của các doanh nghiệp tham gia chương trình.",
                    "- Ban hành quy định cụ thể về việc hỗ trợ các doanh nghiệp nâng cao NSCL giai "
                    "đoạn 2021-2025. Thành lập Hội đồng thẩm định xét duyệt hồ sơ của doanh nghiệp "
                    "tham gia chương trình; căn cứ vào kết quả của Hội đồng thẩm định ban hành Quyết "
                    "định phê duyệt hồ sơ tham gia chương trình của doanh nghiệp.",
                    "- Lập kế hoạch, dự toán kinh phí thực hiện hàng năm trình các cấp thẩm quyền "
                    "phê duyệt theo quy định.",
                    "- Phổ biến nội dung chương trình; hướng dẫn, vận động các doanh nghiệp tham gia chương trình.",
                    "- Tổ chức sơ kết và tổng kết tình hình thực hiện kế hoạch. Định kỳ trước ngày "
                    "30 tháng 11 hàng năm hoặc đột xuất khi có yêu cầu, gửi báo cáo tình hình thực "
                    "hiện kế hoạch về Bộ Khoa học và Công nghệ, Ủy ban nhân dân tỉnh.",
                ],
            ),
            (
                "V.2",
                "Sở Kế hoạch và Đầu tư, Sở Tài chính",
                [
                    "Phối hợp với Sở Khoa học và Công nghệ, tham mưu Ủy ban nhân dân tỉnh bố trí "
                    "kinh phí sự nghiệp khoa học và công nghệ hàng năm để triển khai thực hiện các "
                    "nhiệm vụ của kế hoạch trên cơ sở khả năng cân đối nguồn ngân sách địa phương."
                ],
            ),
            (
                "V.3",
                "Sở Tài chính",
                [
                    "Phối hợp với Sở Khoa học và Công nghệ hướng dẫn công tác quản lý tài chính đối "
                    "với các nhiệm vụ chi thường xuyên thuộc kế hoạch theo quy định hiện hành."
                ],
            ),
            (
                "V.4",
                "Các Sở, ban ngành liên quan, Ủy ban nhân dân các huyện, thành phố, Đài phát "
                "thanh và truyền hình tỉnh, Báo Kon Tum",
                [
                    "Căn cứ chức năng, nhiệm vụ có trách nhiệm tổ chức triển khai các nhiệm vụ có "
                    "liên quan trong kế hoạch, đồng thời phối hợp với Sở Khoa học và Công nghệ thông "
                    "tin, tuyên truyền về nội dung và chính sách hỗ trợ của Chương trình; cung cấp "
                    "thông tin về nhu cầu hỗ trợ của các tổ chức, doanh nghiệp trong lĩnh vực quản "
                    "lý của đơn vị cho cơ quan chủ trì xem xét, giải quyết."
                ],
            ),
            (
                "V",
                "",
                [
                    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị, địa phương "
                    "phản ánh kịp thời về Sở Khoa học và Công nghệ để được hướng dẫn, giải quyết. "
                    "Trường hợp vượt thẩm quyền, Sở Khoa học và Công nghệ báo cáo, tham mưu Ủy ban "
                    "nhân dân tỉnh xem xét, quyết định./."
                ],
            ),
        ],
        "support_lines": [
            (
                "III.2.1",
                "Ngân sách nhà nước hỗ trợ 100% kinh phí cho các hoạt động sau:",
                "Hoạt động thông tin, tuyên truyền, đào tạo, tập huấn; hội nghị, hội thảo; biên soạn "
                "phát hành tài liệu.",
                100,
            ),
            (
                "III.2.1",
                "Ngân sách nhà nước hỗ trợ 100% kinh phí cho các hoạt động sau:",
                "Hoạt động quản lý chương trình NSCL tại tỉnh Kon Tum (nhiệm vụ Khoa học và Công "
                "nghệ: điều hành chương trình nâng cao NSCL, thẩm định, kiểm tra, nghiệm thu các "
                "chương trình thuộc Chương trình NSCL).",
                100,
            ),
            (
                "III.2.1",
                "Ngân sách nhà nước hỗ trợ 100% kinh phí cho các hoạt động sau:",
                "Đăng ký bảo hộ quyền sở hữu công nghiệp (nhãn hiệu, kiểu dáng công nghiệp, sáng "
                "chế...), tối đa không quá 10 triệu đồng/sản phẩm hoặc dịch vụ.",
                100,
            ),
            (
                "III.2.1",
                "Ngân sách nhà nước hỗ trợ 100% kinh phí cho các hoạt động sau:",
                "Đăng ký, sử dụng mã số mã vạch, tối đa không quá 10 triệu đồng/sản phẩm.",
                100,
            ),
            (
                "III.2.2",
                "Ngân sách nhà nước hỗ trợ 50% kinh phí cho các hoạt động sau:",
                "Xây dựng và áp dụng hệ thống truy xuất nguồn gốc sản phẩm, hàng hoá, áp dụng thực "
                "hành nông nghiệp tốt (G.A.P), thực hành sản xuất nông nghiệp hữu cơ, năng suất "
                "xanh, tối đa không quá 45 triệu đồng/hệ thống.",
                50,
            ),
            (
                "III.2.2",
                "Ngân sách nhà nước hỗ trợ 50% kinh phí cho các hoạt động sau:",
                "Ứng dụng công nghệ thông tin, công nghệ số để thiết lập, tối ưu hoá, hiện đại hoá "
                "hệ thống quản trị doanh nghiệp; áp dụng tiêu chuẩn, công cụ hỗ trợ cho sản xuất "
                "thông minh, dịch vụ thông minh, không quá 30 triệu đồng/sản phẩm, hàng hoá.",
                50,
            ),
            (
                "III.2.2",
                "Ngân sách nhà nước hỗ trợ 50% kinh phí cho các hoạt động sau:",
                "Chứng nhận sản phẩm, hàng hoá; chứng nhận hệ thống quản lý chất lượng; an toàn thực "
                "phẩm; môi trường; năng lượng; an toàn và sức khoẻ nghề nghiệp và chứng nhận hệ "
                "thống truy xuất nguồn gốc sản phẩm, hàng hoá phù hợp với tiêu chuẩn quốc gia, tiêu "
                "chuẩn quốc tế, tối đa không quá 45 triệu đồng/hệ thống.",
                50,
            ),
        ],
        "council_set_up": "Thành lập Hội đồng thẩm định xét duyệt hồ sơ của doanh nghiệp tham gia chương trình; "
        "căn cứ vào kết quả của Hội đồng thẩm định ban hành Quyết định phê duyệt hồ sơ tham "
        "gia chương trình của doanh nghiệp.",
    },
}
